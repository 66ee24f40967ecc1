package com.cpsync.sandbox.it;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/** One sandbox for every IT of the run, kept in the root store so JUnit closes it once after the last one. */
class SandboxExtension implements BeforeAllCallback {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(RunningSandbox.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getRoot().getStore(NAMESPACE).computeIfAbsent(RunningSandbox.class, key -> RunningSandbox.get());
    }
}
