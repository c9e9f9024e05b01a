package dev.velocity.filehistory.platform.schema;

import static org.assertj.core.api.Assertions.assertThat;

import dev.velocity.filehistory.platform.testing.TestDatabase;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** The upgrade rule's baseline at V1 is for the modules that existed before the split only. */
class ModuleMigrationsTest {

    @Test
    void aModuleAddedAfterTheSplitRunsItsFirstScriptOnADatabaseFromBeforeIt() {
        JdbcTemplate db = jdbc(TestDatabase.freshDatabase());
        db.execute("CREATE TABLE " + ModuleMigrations.BEFORE_MODULES_HISTORY + " (version TEXT, success BOOLEAN)");
        db.update("INSERT INTO " + ModuleMigrations.BEFORE_MODULES_HISTORY + " VALUES (?, true)",
                ModuleMigrations.LAST_VERSION_BEFORE_MODULES);
        ModuleSchema later = new ModuleSchema(4, "later");

        new ModuleMigrations().moduleMigrationStrategy(
                        new StaticListableBeanFactory(Map.of("later", later)).getBeanProvider(ModuleSchema.class))
                .migrate(Flyway.configure().dataSource(db.getDataSource()).load());

        assertThat(db.queryForObject("SELECT to_regclass('later_module_things') IS NOT NULL", Boolean.class))
                .as("the later module's V1 ran").isTrue();
        assertThat(db.queryForList("SELECT version || ' ' || type FROM later_schema_history ORDER BY installed_rank",
                String.class)).containsExactly("0 BASELINE", "1 SQL");
    }

    private static JdbcTemplate jdbc(Map<String, String> database) {
        return new JdbcTemplate(new DriverManagerDataSource(database.get("spring.datasource.url"),
                database.get("spring.datasource.username"), database.get("spring.datasource.password")));
    }
}
