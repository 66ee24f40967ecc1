package com.cpsync.outbound.it;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Starts qbo-sandbox and mapping-service before the Spring test context loads: while it loads, Boot's
 * test hook would apply the test app's configuration to any SpringApplication started in the JVM.
 */
class ExternalAppsExtension implements BeforeAllCallback {

    @Override
    public void beforeAll(ExtensionContext context) {
        ExternalApps.get();
    }
}
