package com.cpsync.outbound.it;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Starts qbo-sandbox and mapping-service before the Spring test context loads: while it loads, Boot's
 * test hook would apply the test app's configuration to any SpringApplication started in the JVM.
 * They live in the root store, so JUnit closes them once after the last test class, before the JVM exits.
 */
class ExternalAppsExtension implements BeforeAllCallback {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(ExternalApps.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getRoot().getStore(NAMESPACE).computeIfAbsent(ExternalApps.class, key -> ExternalApps.get());
    }
}
