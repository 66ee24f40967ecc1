package com.cpsync.sandbox;

import com.cpsync.testsupport.LayerRules;
import com.tngtech.archunit.core.domain.JavaClasses;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The sandbox's layers: {@code domain} (decisions: faults, limits, query grammar, OAuth tokens, webhook
 * delivery) knows no framework and no JSON; {@code engine} (QBO's books as JSON documents) knows JSON but
 * no Spring, Reactor or HTTP; the web and webhook adapters depend on both, never the reverse.
 */
class SandboxArchitectureTest {

    private static final String BASE = "com.cpsync.sandbox";
    private static final JavaClasses CLASSES = LayerRules.mainClassesOf(BASE);

    @Test
    void shouldKeepTheDomainFreeOfFrameworksJsonAndTheEngine() {
        LayerRules.domainIsPure(BASE, BASE + ".engine..").check(CLASSES);
    }

    @Test
    void shouldKeepTheEngineFreeOfSpringReactorHttpAndAdapters() {
        noClasses().that().resideInAPackage(BASE + ".engine..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "reactor..", "java.net..",
                        BASE + ".adapter..", BASE + ".config..")
                .because("the QBO document engine is plain Java over Jackson trees; adapters serve it over HTTP")
                .check(CLASSES);
    }

    @Test
    void shouldHaveNoPackageCycles() {
        LayerRules.noPackageCycles(BASE).check(CLASSES);
    }
}
