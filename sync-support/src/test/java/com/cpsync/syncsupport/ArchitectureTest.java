package com.cpsync.syncsupport;

import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import com.cpsync.testsupport.LayerRules;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * sync-support has no domain/application layers, but its API types are named by the services' use
 * cases: they must stay free of transport, and the packages free of cycles.
 */
class ArchitectureTest {

    private static final String BASE = "com.cpsync.syncsupport";

    @TestFactory
    Stream<DynamicTest> shouldKeepTheTypesUseCasesNameFreeOfTransport() {
        return LayerRules.of(BASE).and(noClasses().that().resideInAnyPackage(BASE + ".mapping", BASE + ".token")
                        .should().dependOnClassesThat().resideInAnyPackage("org.springframework..",
                                "org.apache.kafka..", "org.apache.avro..", "tools.jackson..", "java.net.http..",
                                "com.cpsync.schemas..")
                        .orShould().dependOnClassesThat().resideInAnyPackage(LayerRules.syncSupportTransport())
                        .because("use cases may name these types (shared/STYLE.md: ports, not transport)"))
                .tests();
    }
}
