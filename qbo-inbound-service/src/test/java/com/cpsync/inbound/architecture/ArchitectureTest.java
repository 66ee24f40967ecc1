package com.cpsync.inbound.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import org.junit.jupiter.api.Test;

import com.cpsync.testsupport.LayerRules;

/** The house layering (shared/STYLE.md): a pure domain, use cases behind ports, no package cycles. */
class ArchitectureTest {

    private static final String BASE = "com.cpsync.inbound";

    private final JavaClasses classes = LayerRules.mainClassesOf(BASE);

    @Test
    void shouldKeepTheDomainFreeOfFrameworksWireFormatsAndOuterLayers() {
        LayerRules.domainIsPure(BASE).check(classes);
    }

    @Test
    void shouldLetUseCasesReachTheOutsideOnlyThroughPorts() {
        LayerRules.applicationUsesPortsOnly(BASE).check(classes);
    }

    @Test
    void shouldHaveNoPackageCycles() {
        LayerRules.noPackageCycles(BASE).check(classes);
    }
}
