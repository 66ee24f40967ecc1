package com.cpsync.standin;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

class ArchitectureTest {

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.cpsync.standin");

    @Test
    void shouldKeepDomainAndJsonMappingFreeOfFrameworks() {
        // the generated Avro records are the stand-in's vocabulary; Spring, Kafka and Reactor stay in adapters
        noClasses().that().resideInAnyPackage("..standin.domain..", "..standin.json..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.apache.kafka..", "reactor..")
                .check(classes);
    }

    @Test
    void shouldKeepTheApplicationLayerOffTheAdapters() {
        noClasses().that().resideInAnyPackage("..standin.application..", "..standin.domain..")
                .should().dependOnClassesThat().resideInAnyPackage("..standin.adapter..")
                .check(classes);
    }
}
