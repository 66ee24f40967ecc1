package com.cpsync.testsupport.apps;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Keeps the peers in JUnit's root store: started by the first class that asks, closed once after the
 * last test while the engine still runs (left to JVM shutdown hooks, mapping-service's embedded
 * PostgreSQL and the broker's temp-dir cleanup raced and held the fork's exit).
 */
final class InProcessPeersExtension implements BeforeAllCallback {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(InProcessPeers.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        StartInProcessPeers peers = AnnotationSupport.findAnnotation(context.getRequiredTestClass(),
                StartInProcessPeers.class).orElseThrow();
        context.getRoot().getStore(NAMESPACE).computeIfAbsent(InProcessPeers.class,
                key -> InProcessPeers.start(peers), InProcessPeers.class);
    }
}
