package com.leadledger.command;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.spring.stereotype.Aggregate;
import org.junit.jupiter.api.Test;
import org.springframework.web.bind.annotation.RestController;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The command side's boundaries: the domain (aggregates, command and event handlers, commands) knows nothing of HTTP;
 * slices do not depend on each other in circles; only HTTP adapters use the web helpers.
 */
class CommandSideArchitectureTest {

    private static final JavaClasses MAIN_CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("com.leadledger.command");

    private static final String[] WEB = {"org.springframework.web..", "org.springframework.http..",
            "jakarta.servlet..", "com.leadledger.kit.web..", "com.leadledger.kit.security..", "com.leadledger.command.web.."};

    /** Aggregates and every class that handles commands, events or deadlines. */
    private static final DescribedPredicate<JavaClass> DOMAIN = new DescribedPredicate<>(
            "aggregates and command, event or deadline handlers") {
        @Override
        public boolean test(JavaClass c) {
            return c.isAnnotatedWith(Aggregate.class) || c.getMethods().stream().anyMatch(m ->
                    m.isAnnotatedWith(CommandHandler.class) || m.isAnnotatedWith(EventHandler.class)
                            || m.isAnnotatedWith(EventSourcingHandler.class) || m.isAnnotatedWith(DeadlineHandler.class));
        }
    };

    static final ArchRule domainKnowsNoHttp = noClasses().that(DOMAIN)
            .should().dependOnClassesThat().resideInAnyPackage(WEB)
            .because("every rule lives behind the command bus, where every client (HTTP, console, importer) meets it");

    @Test
    void domainKnowsNoHttp() {
        domainKnowsNoHttp.check(MAIN_CLASSES);
    }

    static final ArchRule commandsKnowNoHttp = noClasses()
            .that().resideInAnyPackage("..command.registration..", "..command.review..", "..command.support..",
                    "..command.dispute..", "..command.partner..", "..command.policy..")
            .and().areRecords()
            .and().areNotNestedClasses()
            .and().haveSimpleNameNotEndingWith("Request")
            .should().dependOnClassesThat().resideInAnyPackage(WEB)
            .because("commands and their results are sent by any client, not only by HTTP");

    @Test
    void commandsKnowNoHttp() {
        commandsKnowNoHttp.check(MAIN_CLASSES);
    }

    /** Controllers, the request bodies they read, and the web helpers themselves. */
    private static final DescribedPredicate<JavaClass> HTTP_ADAPTERS = new DescribedPredicate<>("HTTP adapters") {
        @Override
        public boolean test(JavaClass c) {
            JavaClass top = c.getEnclosingClass().orElse(c);
            return top.isAnnotatedWith(RestController.class) || top.getSimpleName().endsWith("Request")
                    || top.getPackageName().equals("com.leadledger.command.web");
        }
    };

    static final ArchRule onlyHttpAdaptersUseTheWebHelpers = classes()
            .that().resideInAPackage("com.leadledger.command.web..")
            .should().onlyBeAccessed().byClassesThat(HTTP_ADAPTERS);

    @Test
    void onlyHttpAdaptersUseTheWebHelpers() {
        onlyHttpAdaptersUseTheWebHelpers.check(MAIN_CLASSES);
    }

    static final ArchRule slicesFreeOfCycles = slices().matching("com.leadledger.command.(*)..")
            .should().beFreeOfCycles();

    @Test
    void slicesFreeOfCycles() {
        slicesFreeOfCycles.check(MAIN_CLASSES);
    }
}
