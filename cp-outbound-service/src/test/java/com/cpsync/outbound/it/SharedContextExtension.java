package com.cpsync.outbound.it;

import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * The IT classes share one Spring context (and its embedded broker): this closes it once, after the last
 * class, while the engine still runs. Left to JVM shutdown hooks it closed alongside Kafka's own hook that
 * deletes the broker's log dirs, and the fork hung after {@code System.exit}. The root store closes its
 * values in reverse order, so the context goes before the sandbox and mapping-service it calls.
 */
class SharedContextExtension implements BeforeEachCallback {

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(SharedContextExtension.class);

    @Override
    public void beforeEach(ExtensionContext context) {
        ApplicationContext app = SpringExtension.getApplicationContext(context);
        context.getRoot().getStore(NAMESPACE).computeIfAbsent(app, key -> new Closing(app));
    }

    private record Closing(ApplicationContext app) implements AutoCloseable {
        @Override
        public void close() {
            ((ConfigurableApplicationContext) app).close();
        }
    }
}
