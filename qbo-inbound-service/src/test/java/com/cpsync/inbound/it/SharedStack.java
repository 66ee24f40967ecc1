package com.cpsync.inbound.it;

import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * Closes what the inbound ITs share once, after the last of them, so the fork exits by itself: the topic
 * recorder, this app's context with its embedded broker (stopped here, not in a JVM shutdown hook that
 * raced Kafka's own temp-dir cleanup), then the sandbox and mapping-service (its embedded PostgreSQL).
 */
final class SharedStack implements BeforeEachCallback {

    @Override
    public void beforeEach(ExtensionContext context) {
        ConfigurableApplicationContext app =
                (ConfigurableApplicationContext) SpringExtension.getApplicationContext(context);
        context.getRoot().getStore(ExtensionContext.Namespace.create(SharedStack.class))
                .computeIfAbsent(app, Closer::new, Closer.class);
    }

    private record Closer(ConfigurableApplicationContext app) implements AutoCloseable {

        @Override
        public void close() throws InterruptedException {
            InboundItBase.closeTopics();
            app.close();
            SandboxAndMapping.stop();
        }
    }
}
