package com.cpsync.standin;

import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import com.cpsync.testsupport.LayerRules;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The house layering (shared/STYLE.md) with the rules every module shares, plus a transport-free JSON mapping. */
class ArchitectureTest {

    private static final String BASE = "com.cpsync.standin";

    @TestFactory
    Stream<DynamicTest> shouldFollowTheHouseLayering() {
        return LayerRules.of(BASE).domainIsPure().applicationUsesPortsOnly()
                .and(noClasses().that().resideInAPackage(BASE + ".json..").should().dependOnClassesThat()
                        .resideInAnyPackage("org.springframework..", "org.apache.kafka..", "reactor..",
                                BASE + ".adapter..", BASE + ".application..", BASE + ".config..")
                        .because("the JSON ⇄ Avro mapping is plain code the web adapter calls"))
                .tests();
    }
}
