package dev.velocity.filehistory.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.velocity.filehistory.launcher.Api.Project;
import dev.velocity.filehistory.platform.testing.TestDatabase;
import java.sql.ResultSetMetaData;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Each module runs its own migrations (db/platform, db/command, db/query) with its own history table. A fresh
 * database gets all of them; a database that main created before the split (one history, V1..V7, kept here as
 * test resources in db/before-module-migrations) starts on the new code with nothing lost and validation on (the
 * upgrade rule is in ModuleMigrations). The old database is given the rows the new code wrote into the fresh one,
 * table by table, so both hold the same data when the new code starts on the old one.
 */
class ModuleMigrationsIT {

    /** The tables main had before the split, parents first. */
    private static final List<String> TABLES_BEFORE_MODULES = List.of("domainevententry", "snapshotevententry",
            "tokenentry", "projects", "access_tokens", "file_paths", "idempotency_keys", "current_files",
            "file_versions");

    /** Rows as main wrote them before: an answer to an Idempotency-Key also named the claim it was written under. */
    private static final Map<String, String> ROWS_AS_WRITTEN_BEFORE = Map.of("idempotency_keys", """
            SELECT project_id, user_name, idempotency_key, request_sha256, status, response,
                   coalesce(claim_token, gen_random_uuid()) AS claim_token, created_at,
                   coalesce(claimed_at, created_at) AS claimed_at
            FROM idempotency_keys
            """);

    @Test
    void aFreshDatabaseAndOneFromBeforeTheModuleMigrationsServeTheSameHistory() {
        Map<String, Object> fresh = system(TestDatabase.freshDatabase());
        Map<String, Object> beforeModules = system(TestDatabase.freshDatabase());
        Project project;
        Api.Response keyed;
        try (ConfigurableApplicationContext app = Nodes.start(VelocityApplication.class, fresh)) {
            Api api = new Api(Nodes.port(app));
            project = api.createProject("upgrade", "alice");
            api.save(project, "src/a.txt", "one\n", 0);
            keyed = api.save(project, "src/a.txt", "one\ntwo\n", 1, "retry-1");
            api.save(project, "docs/b.md", "b\n", 0);
            api.move(project, "docs/b.md", "docs/c.md", 1);
            assertThat(new AuditExport(api).verify(project).get("ok").asBoolean()).isTrue();
        }
        JdbcTemplate freshDb = jdbc(fresh);
        assertThat(history(freshDb, "platform")).containsExactly("1 SQL");
        assertThat(history(freshDb, "command")).containsExactly("0 BASELINE", "1 SQL", "2 SQL");
        assertThat(history(freshDb, "query")).containsExactly("0 BASELINE", "1 SQL", "2 SQL", "3 SQL");

        JdbcTemplate oldDb = jdbc(beforeModules);
        Flyway.configure().dataSource(oldDb.getDataSource()).locations("classpath:db/before-module-migrations")
                .load().migrate();
        TABLES_BEFORE_MODULES.forEach(table -> copy(freshDb, oldDb, table));
        oldDb.queryForObject("SELECT setval('domainevententry_globalindex_seq', max(globalindex)) "
                + "FROM domainevententry", Long.class);
        // The modules' later scripts: the query side's V2 and V3, the command side's V2 (optional claim columns).
        assertThat(schema(oldDb)).as("main's seven scripts leave what the modules' first scripts create")
                .contains("idempotency_keys.claim_token uuid NO ",
                        "idempotency_keys.claimed_at timestamp with time zone NO ")
                .filteredOn(line -> !line.startsWith("idempotency_keys.claim"))
                .isEqualTo(schema(freshDb).stream().filter(line -> !line.contains("file_projects")
                        && !line.contains("current_files_deleted") && !line.startsWith("idempotency_keys.claim"))
                        .toList());

        try (ConfigurableApplicationContext app = Nodes.start(VelocityApplication.class, beforeModules)) {
            Api api = new Api(Nodes.port(app));
            assertThat(api.content(project, "src/a.txt", "").json().get("content").asText()).isEqualTo("one\ntwo\n");
            assertThat(api.history(project, "src/a.txt", "").json().get("entries")).hasSize(2);
            assertThat(api.content(project, "docs/c.md", "").json().get("content").asText()).isEqualTo("b\n");
            assertThat(auditLines(api, project)).as("the audit stream finds the files that were there").hasSize(4);
            Api.Response retry = api.save(project, "src/a.txt", "one\ntwo\n", 1, "retry-1");
            assertThat(retry.status()).as("an idempotency key from before the upgrade still answers its retry")
                    .isEqualTo(keyed.status());
            assertThat(retry.json()).isEqualTo(keyed.json());
            assertThat(api.save(project, "src/a.txt", "one\ntwo\nthree\n", 2).version()).isEqualTo(3);
            JsonNode verified = new AuditExport(api).verify(project);
            assertThat(verified.get("problems")).isEmpty();
            assertThat(verified.get("events").asInt()).isEqualTo(5);
            assertThat(auditLines(api, project)).hasSize(5);
        }
        assertThat(history(oldDb, "platform")).containsExactly("1 BASELINE");
        assertThat(history(oldDb, "command")).containsExactly("1 BASELINE", "2 SQL");
        assertThat(history(oldDb, "query")).containsExactly("1 BASELINE", "2 SQL", "3 SQL");
        assertThat(schema(oldDb)).isEqualTo(schema(freshDb));
    }

    private static Map<String, Object> system(Map<String, String> database) {
        Map<String, Object> properties = new HashMap<>(database);
        properties.put("server.port", "0");
        return properties;
    }

    private static JdbcTemplate jdbc(Map<String, Object> properties) {
        return new JdbcTemplate(new DriverManagerDataSource((String) properties.get("spring.datasource.url"),
                (String) properties.get("spring.datasource.username"),
                (String) properties.get("spring.datasource.password")));
    }

    private static List<String> auditLines(Api api, Project project) {
        return api.get("/api/projects/" + project.id() + "/events", project.token()).body().lines().toList();
    }

    private static List<String> history(JdbcTemplate jdbc, String module) {
        return jdbc.queryForList("SELECT version || ' ' || type FROM " + module + "_schema_history "
                + "ORDER BY installed_rank", String.class);
    }

    /** Columns, indexes and constraints of every table but the migration histories, one line each, sorted. */
    private static List<String> schema(JdbcTemplate jdbc) {
        List<String> lines = new ArrayList<>(jdbc.queryForList("""
                SELECT table_name || '.' || column_name || ' ' || data_type || coalesce('(' || character_maximum_length
                       || ')', '') || ' ' || is_nullable || ' ' || coalesce(column_default, '')
                FROM information_schema.columns
                WHERE table_schema = 'public' AND table_name NOT LIKE '%schema_history'
                """, String.class));
        lines.addAll(jdbc.queryForList("SELECT indexdef FROM pg_indexes WHERE schemaname = 'public' "
                + "AND tablename NOT LIKE '%schema_history'", String.class));
        lines.addAll(jdbc.queryForList("SELECT conrelid::regclass || ' ' || conname || ' ' || pg_get_constraintdef(oid) "
                + "FROM pg_constraint WHERE connamespace = 'public'::regnamespace "
                + "AND conrelid::regclass::text NOT LIKE '%schema_history'", String.class));
        Collections.sort(lines);
        return lines;
    }

    private static void copy(JdbcTemplate from, JdbcTemplate to, String table) {
        from.query(ROWS_AS_WRITTEN_BEFORE.getOrDefault(table, "SELECT * FROM " + table), rs -> {
            ResultSetMetaData columns = rs.getMetaData();
            List<String> names = new ArrayList<>();
            Object[] values = new Object[columns.getColumnCount()];
            for (int i = 1; i <= columns.getColumnCount(); i++) {
                names.add(columns.getColumnName(i));
                values[i - 1] = rs.getObject(i);
            }
            to.update("INSERT INTO " + table + " (" + String.join(", ", names) + ") VALUES ("
                    + String.join(", ", Collections.nCopies(names.size(), "?")) + ")", values);
        });
    }
}
