package dev.velocity.filehistory.launcher;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The sides share only the messages in shared-events, the history core (content storage and the hash chain) and the
 * platform they both run on, and each owns its tables:
 * the tables a module's migrations create are named in SQL by that module only (the platform's by anyone), and
 * Axon's event and token tables only by their one reader each. ArchUnit cannot see SQL in strings, so those rules
 * read the sources ({@link SqlInSources}).
 */
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
    static final ArchRule platformKnowsNeitherSideNorTheHistoryCore = noClasses()
            .that().resideInAPackage("dev.velocity.filehistory.platform..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.velocity.filehistory.command..",
                    "dev.velocity.filehistory.query..", "dev.velocity.filehistory.launcher..",
                    "dev.velocity.filehistory.history..");

    /** The history core is the domain both sides use: it runs on the platform and knows neither side. */
    @ArchTest
    static final ArchRule historyCoreKnowsNeitherSide = noClasses()
            .that().resideInAPackage("dev.velocity.filehistory.history..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.velocity.filehistory.command..",
                    "dev.velocity.filehistory.query..", "dev.velocity.filehistory.launcher..");

    /** Records, and the interfaces that give events their common shape (FileEvent): nothing with behaviour. */
    @ArchTest
    static final ArchRule sharedMessagesAreRecordsThatDependOnNothingButAxon = classes()
            .that().resideInAPackage("dev.velocity.filehistory.api..").and().areNotEnums().and().areNotInterfaces()
            .should().beRecords()
            .andShould().onlyDependOnClassesThat().resideInAnyPackage("dev.velocity.filehistory.api..", "java..",
                    "org.axonframework.modelling.command..", "org.axonframework.serialization..");

    /** Controllers translate HTTP: data comes through query handlers and services, never straight from a database. */
    @ArchTest
    static final ArchRule controllersDoNotTouchTheDatabase = noClasses()
            .that().areAnnotatedWith(org.springframework.web.bind.annotation.RestController.class)
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework.jdbc..", "javax.sql..",
                    "jakarta.persistence..", "org.axonframework.eventsourcing..", "org.axonframework.eventhandling..");

    /** Query controllers ask the query gateway; the read models are the query handlers' business. */
    @ArchTest
    static final ArchRule queryControllersDoNotReadTheReadModels = noClasses()
            .that().areAnnotatedWith(org.springframework.web.bind.annotation.RestController.class)
            .and().resideInAPackage("dev.velocity.filehistory.query..")
            .should().dependOnClassesThat().haveSimpleNameEndingWith("ReadModel")
            .orShould().dependOnClassesThat().haveSimpleNameEndingWith("Projection");

    /**
     * The query side's handlers and services throw their own exceptions, which the side's advice maps: only its web
     * layer (controllers, the advice, the parsing of a point in time from request parameters) speaks HTTP problems.
     */
    @ArchTest
    static final ArchRule queryHandlersThrowDomainExceptionsNotHttpProblems = noClasses()
            .that().resideInAPackage("dev.velocity.filehistory.query..")
            .and().areNotAnnotatedWith(org.springframework.web.bind.annotation.RestController.class)
            .and().areNotAnnotatedWith(org.springframework.web.bind.annotation.RestControllerAdvice.class)
            .and().doNotHaveSimpleName("AsOf")
            .should().dependOnClassesThat().areAssignableTo(dev.velocity.filehistory.platform.web.ApiProblem.class);

    /** The read models (projections, their processor, rebuild and catch-up) know nothing of who reads them. */
    @ArchTest
    static final ArchRule readModelsDoNotKnowTheirReaders = noClasses()
            .that().resideInAPackage("dev.velocity.filehistory.query.readmodel..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.velocity.filehistory.query.file..",
                    "dev.velocity.filehistory.query.audit..", "dev.velocity.filehistory.query.export..",
                    "dev.velocity.filehistory.query.timeline..");

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

    /** Axon's tables and the one class allowed to name each in SQL. */
    private static final Map<String, String> AXON_TABLE_READERS = Map.of(
            "domainevententry", "platform/eventstore/EventTable.java",
            "snapshotevententry", "platform/eventstore/EventTable.java",
            "tokenentry", "platform/eventstore/TokenTable.java");

    @Test
    void eachModuleOwnsTheTablesItsMigrationsCreate() {
        Map<String, Set<String>> owned = SqlInSources.ownedTables();
        assertThat(owned.get("platform")).contains("domainevententry", "tokenentry", "projects", "access_tokens");
        assertThat(owned.get("command-side")).containsExactlyInAnyOrder("file_paths", "idempotency_keys");
        assertThat(owned.get("query-side")).contains("current_files", "file_versions", "file_projects");
        assertThat(SqlInSources.javaStrings("query-side").values()).as("the scan reads SQL in strings")
                .anyMatch(strings -> SqlInSources.names(strings, "current_files"));
    }

    @Test
    void onlyTheEventStoreReadersNameAxonsTablesInSql() {
        List<String> violations = new ArrayList<>();
        for (String module : SqlInSources.MODULES.keySet()) {
            SqlInSources.javaStrings(module).forEach((source, strings) -> AXON_TABLE_READERS.forEach((table, reader) -> {
                if (SqlInSources.names(strings, table) && !source.endsWith(Path.of(module, "src/main/java",
                        "dev/velocity/filehistory", reader))) {
                    violations.add(source + " names " + table);
                }
            }));
        }
        assertThat(violations).as("SQL on Axon's tables belongs in EventTable or TokenTable").isEmpty();
    }

    @Test
    void noModuleNamesATableAnotherModuleOwnsSavingThePlatforms() {
        Map<String, Set<String>> owned = SqlInSources.ownedTables();
        List<String> violations = new ArrayList<>();
        for (String module : SqlInSources.MODULES.keySet()) {
            for (String owner : SqlInSources.MODULES.keySet()) {
                if (owner.equals(module) || owner.equals("platform")) {
                    continue;
                }
                for (String table : owned.get(owner)) {
                    SqlInSources.javaStrings(module).forEach((source, strings) -> {
                        if (SqlInSources.names(strings, table)) {
                            violations.add(source + " names " + owner + "'s table " + table);
                        }
                    });
                    SqlInSources.migrations(module).forEach((script, text) -> {
                        if (SqlInSources.names(text, table)) {
                            violations.add(script + " names " + owner + "'s table " + table);
                        }
                    });
                }
            }
        }
        assertThat(violations).as("each side reads and writes only its own tables (and the platform's)").isEmpty();
    }
}
