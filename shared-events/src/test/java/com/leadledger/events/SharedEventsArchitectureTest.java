package com.leadledger.events;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** The events every service and tool reads depend on nothing heavy. */
class SharedEventsArchitectureTest {

    private static final JavaClasses MAIN_CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("com.leadledger.events");

    static final ArchRule noFrameworks = noClasses().should().dependOnClassesThat().resideInAnyPackage(
                    "org.springframework..", "org.axonframework..", "java.sql..", "javax.sql..", "jakarta.persistence..",
                    "org.apache.kafka..", "jakarta.servlet..")
            .because("shared-events is read by both services and tools: no Spring, Axon, JDBC or Kafka in it");

    @Test
    void noFrameworks() {
        noFrameworks.check(MAIN_CLASSES);
    }

    static final ArchRule contextsFreeOfCycles = slices().matching("com.leadledger.events.(*)..")
            .should().beFreeOfCycles();

    @Test
    void contextsFreeOfCycles() {
        contextsFreeOfCycles.check(MAIN_CLASSES);
    }
}
