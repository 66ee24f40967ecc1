package com.cpsync.testsupport.apps;

import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * For IT classes that share one Spring test context (and its embedded broker): closes it once, after the
 * last test of the run, while the engine still runs. Left to JVM shutdown hooks it closed alongside
 * Kafka's own hook that deletes the broker's log dirs, and the fork hung after {@code System.exit}.
 * JUnit closes its root store in reverse order, so the context goes before the {@link InProcessPeers}
 * it calls. Extend it to close the test's own clients first ({@link #beforeClosing()}).
 */
public class SharedSpringContext implements BeforeEachCallback {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SharedSpringContext.class);

    @Override
    public void beforeEach(ExtensionContext context) {
        ConfigurableApplicationContext app =
                (ConfigurableApplicationContext) SpringExtension.getApplicationContext(context);
        context.getRoot().getStore(NAMESPACE).computeIfAbsent(app, key -> new Closing(app, this), Closing.class);
    }

    /** What the tests opened on the context's broker, closed before it (a consumer would wait for it). */
    protected void beforeClosing() throws Exception {
    }

    private record Closing(ConfigurableApplicationContext app, SharedSpringContext owner) implements AutoCloseable {

        @Override
        public void close() throws Exception {
            owner.beforeClosing();
            app.close();
        }
    }
}
