package com.cpsync.testsupport;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.DynamicTest;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The house layering (shared/STYLE.md) as ArchUnit rules, one definition for every module:
 * {@code domain} knows no framework, transport or JSON; {@code application} knows no adapter or
 * transport; no package cycles. A module's {@code ArchitectureTest} is one {@code @TestFactory}:
 * {@code return LayerRules.of(BASE).domainIsPure().applicationUsesPortsOnly().tests();}
 */
public final class LayerRules {

    /** Frameworks and wire formats that stay out of a domain. */
    public static final List<String> FRAMEWORKS = List.of("org.springframework..", "org.apache.kafka..",
            "org.apache.avro..", "reactor..", "tools.jackson..", "com.fasterxml.jackson..", "java.sql..",
            "java.net.http..", "com.cpsync.schemas..");

    private LayerRules() {
    }

    /**
     * sync-support's transport packages: a service's use cases may name its typed mapping values and token
     * cache ({@code mapping}, {@code token}), never these.
     */
    public static String[] syncSupportTransport() {
        return new String[] {"com.cpsync.syncsupport.kafka..", "com.cpsync.syncsupport.outcome..",
            "com.cpsync.syncsupport.deadletter..", "com.cpsync.syncsupport.settings..",
            "com.cpsync.syncsupport.mapping.http..", "com.cpsync.syncsupport.lag.."};
    }

    public static JavaClasses mainClassesOf(String basePackage) {
        return new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(basePackage);
    }

    /** {@code <base>.domain} depends on no framework, no wire format and no outer layer. */
    public static ArchRule domainIsPure(String basePackage, String... alsoForbidden) {
        List<String> forbidden = new ArrayList<>(FRAMEWORKS);
        forbidden.addAll(List.of(basePackage + ".application..", basePackage + ".adapter..",
                basePackage + ".config.."));
        forbidden.addAll(Arrays.asList(alsoForbidden));
        return noClasses().that().resideInAPackage(basePackage + ".domain..")
                .should().dependOnClassesThat().resideInAnyPackage(forbidden.toArray(String[]::new))
                .because("the domain holds decisions only (shared/STYLE.md)");
    }

    /** {@code <base>.application} reaches the outside only through its ports. */
    public static ArchRule applicationUsesPortsOnly(String basePackage, String... alsoForbidden) {
        List<String> forbidden = new ArrayList<>(FRAMEWORKS);
        forbidden.addAll(List.of(basePackage + ".adapter..", basePackage + ".config.."));
        forbidden.addAll(Arrays.asList(alsoForbidden));
        return noClasses().that().resideInAPackage(basePackage + ".application..")
                .should().dependOnClassesThat().resideInAnyPackage(forbidden.toArray(String[]::new))
                .because("use cases talk to the outside through ports (shared/STYLE.md)");
    }

    /** No two packages below {@code basePackage} depend on each other in a cycle. */
    public static ArchRule noPackageCycles(String basePackage) {
        return slices().matching(basePackage + ".(**)").should().beFreeOfCycles();
    }

    /** The rules of one module, checked as one JUnit test each; "no package cycles" is always among them. */
    public static Module of(String basePackage) {
        return new Module(basePackage);
    }

    /** A module's rules, collected, then run as dynamic tests named by each rule's description. */
    public static final class Module {

        private final String basePackage;
        private final List<ArchRule> rules = new ArrayList<>();

        private Module(String basePackage) {
            this.basePackage = basePackage;
        }

        public Module domainIsPure(String... alsoForbidden) {
            return and(LayerRules.domainIsPure(basePackage, alsoForbidden));
        }

        public Module applicationUsesPortsOnly(String... alsoForbidden) {
            return and(LayerRules.applicationUsesPortsOnly(basePackage, alsoForbidden));
        }

        /** A rule of the module's own. */
        public Module and(ArchRule rule) {
            rules.add(rule);
            return this;
        }

        public Stream<DynamicTest> tests() {
            JavaClasses classes = mainClassesOf(basePackage);
            return Stream.concat(rules.stream(), Stream.of(noPackageCycles(basePackage)))
                    .map(rule -> DynamicTest.dynamicTest(rule.getDescription(), () -> rule.check(classes)));
        }
    }
}
