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
}
