package com.cpsync.standin;

import com.tngtech.archunit.core.domain.JavaClasses;
import org.junit.jupiter.api.Test;

import com.cpsync.testsupport.LayerRules;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The house layering (shared/STYLE.md) with the rules every module shares. */
class ArchitectureTest {

    private static final String BASE = "com.cpsync.standin";

    private final JavaClasses classes = LayerRules.mainClassesOf(BASE);

    @Test
    void shouldKeepTheDomainFreeOfFrameworksWireFormatsAndOuterLayers() {
        LayerRules.domainIsPure(BASE).check(classes);
    }

    @Test
    void shouldLetTheApplicationReachTheOutsideOnlyThroughItsPorts() {
        LayerRules.applicationUsesPortsOnly(BASE).check(classes);
    }

    @Test
    void shouldHaveNoPackageCycles() {
        LayerRules.noPackageCycles(BASE).check(classes);
    }

    @Test
    void shouldKeepTheJsonMappingOffSpringKafkaAndTheAdapters() {
        // the JSON ⇄ Avro mapping is plain code the web adapter calls; it knows no transport
        noClasses().that().resideInAPackage(BASE + ".json..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.apache.kafka..",
                        "reactor..", BASE + ".adapter..", BASE + ".application..", BASE + ".config..")
                .check(classes);
    }
}
