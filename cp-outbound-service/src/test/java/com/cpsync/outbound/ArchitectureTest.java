package com.cpsync.outbound;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

class ArchitectureTest {

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.cpsync.outbound");

    @Test
    void domainShouldNotDependOnFrameworksOrAdapters() {
        noClasses().that().resideInAPackage("..outbound.domain..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.apache.kafka..",
                        "org.apache.avro..", "reactor..", "com.cpsync.schemas..", "com.cpsync.qbo.client",
                        "com.cpsync.syncsupport..", "..outbound.application..", "..outbound.adapter..",
                        "..outbound.config..")
                .check(classes);
    }

    @Test
    void applicationShouldNotDependOnAdaptersOrTransport() {
        noClasses().that().resideInAPackage("..outbound.application..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.apache.kafka..",
                        "org.apache.avro..", "com.cpsync.schemas..", "com.cpsync.qbo.client",
                        "com.cpsync.syncsupport.kafka..", "com.cpsync.syncsupport.outcome..",
                        "com.cpsync.syncsupport.deadletter..", "com.cpsync.syncsupport.settings..",
                        "com.cpsync.syncsupport.mapping.http..", "..outbound.adapter..", "..outbound.config..")
                .check(classes);
    }
}
