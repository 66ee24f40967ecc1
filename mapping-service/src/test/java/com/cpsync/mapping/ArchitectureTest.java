package com.cpsync.mapping;

import com.cpsync.testsupport.LayerRules;
import com.tngtech.archunit.core.domain.JavaClasses;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The house layering (shared/STYLE.md), plus what this service adds: web handlers reach storage through use cases. */
class ArchitectureTest {

    private static final String BASE = "com.cpsync.mapping";

    private final JavaClasses classes = LayerRules.mainClassesOf(BASE);

    @Test
    void shouldKeepTheDomainPure() {
        LayerRules.domainIsPure(BASE).check(classes);
    }

    @Test
    void shouldLetTheApplicationReachTheOutsideOnlyThroughPorts() {
        LayerRules.applicationUsesPortsOnly(BASE, "javax.sql..", "io.micrometer..", "org.postgresql..",
                "com.zaxxer..", "io.zonky..").check(classes);
    }

    @Test
    void shouldKeepWebHandlersAwayFromStorageAndQbo() {
        noClasses().that().resideInAPackage(BASE + ".adapter.in..")
                .should().dependOnClassesThat().resideInAPackage(BASE + ".adapter.out..")
                .because("handlers call use cases; only use cases reach the ports")
                .check(classes);
    }

    @Test
    void shouldHaveNoPackageCycles() {
        LayerRules.noPackageCycles(BASE).check(classes);
    }
}
