package com.cpsync.syncsupport;

import com.tngtech.archunit.core.domain.JavaClasses;
import org.junit.jupiter.api.Test;

import com.cpsync.testsupport.LayerRules;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * sync-support has no domain/application layers, but its API types are named by the services' use
 * cases: they must stay free of transport, and the packages free of cycles.
 */
class ArchitectureTest {

    private static final String BASE = "com.cpsync.syncsupport";

    private final JavaClasses classes = LayerRules.mainClassesOf(BASE);

    @Test
    void shouldKeepTheTypesUseCasesNameFreeOfTransport() {
        noClasses().that().resideInAnyPackage(BASE + ".mapping", BASE + ".token")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.apache.kafka..",
                        "org.apache.avro..", "tools.jackson..", "java.net.http..", "com.cpsync.schemas..",
                        BASE + ".mapping.http..", BASE + ".kafka..", BASE + ".outcome..", BASE + ".deadletter..",
                        BASE + ".settings..")
                .because("use cases may name these types (shared/STYLE.md: ports, not transport)")
                .check(classes);
    }

    @Test
    void shouldHaveNoPackageCycles() {
        LayerRules.noPackageCycles(BASE).check(classes);
    }
}
