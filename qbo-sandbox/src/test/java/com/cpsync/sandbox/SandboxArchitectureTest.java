package com.cpsync.sandbox;

import java.util.stream.Stream;

import com.cpsync.testsupport.LayerRules;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The sandbox's layers: {@code domain} (decisions: faults, limits, query grammar, OAuth tokens, webhook
 * delivery) knows no framework and no JSON; {@code engine} (QBO's books as JSON documents) knows JSON but
 * no Spring, Reactor or HTTP; the web and webhook adapters depend on both, never the reverse.
 */
class SandboxArchitectureTest {

    private static final String BASE = "com.cpsync.sandbox";

    @TestFactory
    Stream<DynamicTest> shouldFollowTheHouseLayering() {
        return LayerRules.of(BASE).domainIsPure(BASE + ".engine..")
                .and(noClasses().that().resideInAPackage(BASE + ".engine..")
                        .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "reactor..",
                                "java.net..", BASE + ".adapter..", BASE + ".config..")
                        .because("the QBO document engine is plain Java over Jackson trees; adapters serve it over HTTP"))
                .tests();
    }
}
