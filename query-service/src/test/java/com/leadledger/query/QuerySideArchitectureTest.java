package com.leadledger.query;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The query side's boundaries: its slices form no cycle, and the read models' transitions are pure (no storage, no
 * web), so the live projection, the rebuild and the point-in-time views can share them.
 */
class QuerySideArchitectureTest {

    private static final JavaClasses MAIN_CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("com.leadledger.query");

    static final ArchRule slicesFreeOfCycles = slices().matching("com.leadledger.query.(*)..")
            .should().beFreeOfCycles();

    @Test
    void slicesFreeOfCycles() {
        slicesFreeOfCycles.check(MAIN_CLASSES);
    }

    static final ArchRule viewsArePure = noClasses()
            .that().haveSimpleNameEndingWith("View").and().areRecords()
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "java.sql..",
                    "javax.sql..", "org.apache.kafka..", "jakarta.servlet..")
            .because("one set of pure transitions serves the live projection, the rebuild and point-in-time views");

    @Test
    void viewsArePure() {
        viewsArePure.check(MAIN_CLASSES);
    }
}
