package com.cpsync.testsupport;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The house layering (shared/STYLE.md) as ArchUnit rules, one definition for every module:
 * {@code domain} knows no framework, transport or JSON; {@code application} knows no adapter or
 * transport; no package cycles.
 */
public final class LayerRules {

    /** Frameworks and wire formats that stay out of a domain. */
    public static final List<String> FRAMEWORKS = List.of("org.springframework..", "org.apache.kafka..",
            "org.apache.avro..", "reactor..", "tools.jackson..", "com.fasterxml.jackson..", "java.sql..",
            "java.net.http..", "com.cpsync.schemas..");

    private LayerRules() {
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
}
