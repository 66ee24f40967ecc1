package com.cpsync.inbound.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

class DomainPurityTest {

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.cpsync.inbound");

    @Test
    void shouldKeepTheDomainFreeOfSpringKafkaAvroAndReactor() {
        noClasses().that().resideInAPackage("com.cpsync.inbound.domain..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.apache.kafka..",
                        "org.apache.avro..", "reactor..", "com.cpsync.schemas..", "com.cpsync.inbound.adapter..",
                        "com.cpsync.inbound.application..")
                .check(classes);
    }

    @Test
    void shouldKeepTheApplicationLayerFreeOfAdaptersAndFrameworks() {
        noClasses().that().resideInAPackage("com.cpsync.inbound.application..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.apache.kafka..",
                        "org.apache.avro..", "com.cpsync.schemas..", "com.cpsync.inbound.adapter..")
                .check(classes);
    }
}
