package dev.velocity.filehistory.launcher;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The sides share only the messages in shared-events (and the platform they both run on). */
@AnalyzeClasses(packages = "dev.velocity.filehistory", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule commandSideDoesNotUseTheQuerySide = noClasses()
            .that().resideInAPackage("dev.velocity.filehistory.command..")
            .should().dependOnClassesThat().resideInAPackage("dev.velocity.filehistory.query..");

    @ArchTest
    static final ArchRule querySideDoesNotUseTheCommandSide = noClasses()
            .that().resideInAPackage("dev.velocity.filehistory.query..")
            .should().dependOnClassesThat().resideInAPackage("dev.velocity.filehistory.command..");

    @ArchTest
    static final ArchRule platformKnowsNeitherSide = noClasses()
            .that().resideInAPackage("dev.velocity.filehistory.platform..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.velocity.filehistory.command..",
                    "dev.velocity.filehistory.query..", "dev.velocity.filehistory.launcher..");

    @ArchTest
    static final ArchRule sharedMessagesAreRecordsThatDependOnNothingButAxon = classes()
            .that().resideInAPackage("dev.velocity.filehistory.api..").and().areNotEnums()
            .should().beRecords()
            .andShould().onlyDependOnClassesThat().resideInAnyPackage("dev.velocity.filehistory.api..", "java..",
                    "org.axonframework.modelling.command..", "org.axonframework.serialization..");

    /**
     * Controllers translate HTTP: data comes through query handlers and services, never straight from a
     * database. The audit stream's controller is left out until its SQL moves behind the event-store reader
     * (issue 11, part 2); then the exception goes.
     */
    @ArchTest
    static final ArchRule controllersDoNotTouchTheDatabase = noClasses()
            .that().areAnnotatedWith(org.springframework.web.bind.annotation.RestController.class)
            .and().resideOutsideOfPackage("dev.velocity.filehistory.query.audit..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework.jdbc..", "javax.sql..",
                    "jakarta.persistence..", "org.axonframework.eventsourcing..", "org.axonframework.eventhandling..");

    /** Query controllers ask the query gateway; the read models are the query handlers' business. */
    @ArchTest
    static final ArchRule queryControllersDoNotReadTheReadModels = noClasses()
            .that().areAnnotatedWith(org.springframework.web.bind.annotation.RestController.class)
            .and().resideInAPackage("dev.velocity.filehistory.query.file..")
            .should().dependOnClassesThat().haveSimpleNameEndingWith("ReadModel")
            .orShould().dependOnClassesThat().haveSimpleNameEndingWith("Projection");

    /** Problem responses are built in one place (ApiProblem, ProblemResponses), not by hand in handlers. */
    @ArchTest
    static final ArchRule problemDetailsAreBuiltOnlyInPlatformWeb = noClasses()
            .that().resideOutsideOfPackage("dev.velocity.filehistory.platform.web..")
            .should().callMethodWhere(com.tngtech.archunit.core.domain.JavaCall.Predicates.target(
                    com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner(
                            com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo(
                                    org.springframework.http.ProblemDetail.class))))
            .orShould().callConstructorWhere(com.tngtech.archunit.core.domain.JavaCall.Predicates.target(
                    com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner(
                            com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo(
                                    org.springframework.http.ProblemDetail.class))));
}
