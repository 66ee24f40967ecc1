package com.cpsync.outbound;

import com.tngtech.archunit.core.domain.JavaClasses;
import org.junit.jupiter.api.Test;

import com.cpsync.testsupport.LayerRules;

/** The house layering (shared/STYLE.md), with the shared rules of test-support. */
class ArchitectureTest {

    private static final String BASE = "com.cpsync.outbound";
    /** qbo-client is an HTTP client: only adapter/out/http and config may use it. */
    private static final String QBO_CLIENT = "com.cpsync.qbo..";

    private final JavaClasses classes = LayerRules.mainClassesOf(BASE);

    @Test
    void shouldKeepTheDomainFreeOfFrameworksJsonAndOuterLayers() {
        LayerRules.domainIsPure(BASE, QBO_CLIENT).check(classes);
    }

    @Test
    void shouldLetTheApplicationReachTheOutsideOnlyThroughItsPorts() {
        LayerRules.applicationUsesPortsOnly(BASE, QBO_CLIENT).check(classes);
    }

    @Test
    void shouldHaveNoPackageCycles() {
        LayerRules.noPackageCycles(BASE).check(classes);
    }
}
