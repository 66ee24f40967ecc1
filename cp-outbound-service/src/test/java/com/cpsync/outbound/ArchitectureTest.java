package com.cpsync.outbound;

import com.tngtech.archunit.core.domain.JavaClasses;
import org.junit.jupiter.api.Test;

import com.cpsync.testsupport.LayerRules;

/** The house layering (shared/STYLE.md), with the shared rules of test-support. */
class ArchitectureTest {

    private static final String BASE = "com.cpsync.outbound";
    /**
     * qbo-client is an HTTP client: only adapter/out/http and config may use it. Its pure name rule
     * ({@code com.cpsync.qbo.client.names}) is the one exception: the domain names jobs and customers by it.
     */
    private static final String QBO_CLIENT = "com.cpsync.qbo.client";
    /** sync-support's transport; its typed mapping values and token cache may appear in use cases. */
    private static final String[] SYNC_SUPPORT_TRANSPORT = {"com.cpsync.syncsupport.kafka..",
            "com.cpsync.syncsupport.outcome..", "com.cpsync.syncsupport.deadletter..",
            "com.cpsync.syncsupport.settings..", "com.cpsync.syncsupport.mapping.http.."};

    private final JavaClasses classes = LayerRules.mainClassesOf(BASE);

    @Test
    void shouldKeepTheDomainFreeOfFrameworksJsonAndOuterLayers() {
        LayerRules.domainIsPure(BASE, QBO_CLIENT, "com.cpsync.syncsupport..").check(classes);
    }

    @Test
    void shouldLetTheApplicationReachTheOutsideOnlyThroughItsPorts() {
        LayerRules.applicationUsesPortsOnly(BASE, QBO_CLIENT).check(classes);
        LayerRules.applicationUsesPortsOnly(BASE, SYNC_SUPPORT_TRANSPORT).check(classes);
    }

    @Test
    void shouldHaveNoPackageCycles() {
        LayerRules.noPackageCycles(BASE).check(classes);
    }
}
