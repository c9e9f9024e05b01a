package dev.velocity.filehistory.platform.schema;

import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.flyway.FlywayMigrationStrategy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Runs every module's migrations ({@link ModuleSchema}) in their fixed order, the platform's first, each with its own
 * location and history table, when Spring Boot would run Flyway (before anything reads the database). The Flyway
 * that Spring Boot configures from {@code spring.flyway.*} is the template: connection and validation settings
 * apply to every module.
 * <p>
 * Upgrade rule. Before each module owned its migrations, one history table ({@code flyway_schema_history}) held
 * V1..V7 for all tables. Each module's V1 is exactly the shape those seven scripts left for the module's tables, so
 * in such a database every module's history begins with a baseline at V1 (Flyway skips V1, applies V2 and up) and
 * the old history table stays as the record of how the tables came to be. A database that never reached V7 must
 * first be started once with a release from before the split. Only the modules that existed then
 * ({@link #MODULES_BEFORE_SPLIT}) take that baseline: a module added later runs its V1 there too. In any other database
 * a module whose history table is missing starts from a baseline at 0 (the schema is not empty only because the modules before it use it), so all
 * its scripts run; the platform's, which runs first, still refuses a schema that holds tables but no history of
 * ours. Validation stays on throughout.
 */
@Configuration
class ModuleMigrations {

    static final String BEFORE_MODULES_HISTORY = "flyway_schema_history";
    static final String LAST_VERSION_BEFORE_MODULES = "7";

    /** The modules whose tables main's V1..V7 created: only they begin at a baseline of V1 on such a database. */
    static final Set<String> MODULES_BEFORE_SPLIT = Set.of("platform", "command", "query");

    private static final ModuleSchema PLATFORM = new ModuleSchema(1, "platform");

    @Bean
    ModuleSchema platformModuleSchema() {
        return PLATFORM;
    }

    @Bean
    FlywayMigrationStrategy moduleMigrationStrategy(ObjectProvider<ModuleSchema> modules) {
        return template -> {
            boolean beforeModules = createdBeforeModules(template);
            modules.stream().sorted(Comparator.comparingInt(ModuleSchema::order))
                    .forEach(module -> migrate(template, module, beforeModules));
        };
    }

    private static void migrate(Flyway template, ModuleSchema module, boolean databaseBeforeModules) {
        boolean beforeModules = databaseBeforeModules && MODULES_BEFORE_SPLIT.contains(module.name());
        Flyway.configure(template.getConfiguration().getClassLoader())
                .configuration(template.getConfiguration())
                .locations(module.location())
                .table(module.historyTable())
                .baselineOnMigrate(beforeModules || !module.equals(PLATFORM))
                .baselineVersion(beforeModules ? "1" : "0")
                .baselineDescription("history of module " + module.name() + " begins")
                .load()
                .migrate();
    }

    private static boolean createdBeforeModules(Flyway template) {
        JdbcTemplate jdbc = new JdbcTemplate(template.getConfiguration().getDataSource());
        Boolean exists = jdbc.queryForObject("SELECT to_regclass(?) IS NOT NULL", Boolean.class,
                BEFORE_MODULES_HISTORY);
        if (!Boolean.TRUE.equals(exists)) {
            return false;
        }
        List<String> lastVersion = jdbc.queryForList("SELECT version FROM " + BEFORE_MODULES_HISTORY
                + " WHERE success AND version = ?", String.class, LAST_VERSION_BEFORE_MODULES);
        if (lastVersion.isEmpty()) {
            throw new FlywayException("This database's " + BEFORE_MODULES_HISTORY + " has not reached V"
                    + LAST_VERSION_BEFORE_MODULES + ": start it once with a release from before the module "
                    + "migrations, then with this one");
        }
        return true;
    }
}
