package com.cpsync.mapping;

import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import com.cpsync.testsupport.LayerRules;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The house layering (shared/STYLE.md), plus what this service adds: web handlers reach storage through use cases. */
class ArchitectureTest {

    private static final String BASE = "com.cpsync.mapping";

    @TestFactory
    Stream<DynamicTest> shouldFollowTheHouseLayering() {
        return LayerRules.of(BASE).domainIsPure()
                .applicationUsesPortsOnly("javax.sql..", "io.micrometer..", "org.postgresql..", "com.zaxxer..",
                        "io.zonky..")
                .and(noClasses().that().resideInAPackage(BASE + ".adapter.in..")
                        .should().dependOnClassesThat().resideInAPackage(BASE + ".adapter.out..")
                        .because("handlers call use cases; only use cases reach the ports"))
                .tests();
    }
}
