package dev.velocity.filehistory.platform;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.actuate.info.Info;
import org.springframework.boot.actuate.info.InfoContributor;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Logs at start-up whether the database keeps what it acknowledges, for the embedded and an external PostgreSQL
 * alike (issue #7: the embedded one ran with fsync and synchronous_commit off and lost acknowledged saves in a
 * crash). Settings that let a crash lose acknowledged saves are a loud warning, not a failure: an operator may
 * choose them for a throwaway database (or the launcher's {@code VELOCITY_FAST_UNSAFE=1}). Only setting names and
 * values are logged, never the connection. {@code GET /actuator/info} (no token) shows the same as
 * {@code "database":{"durable":false,...}}, so the editor can say so while it is on.
 */
@Component
public class DatabaseDurability implements InfoContributor {

    private static final Logger log = LoggerFactory.getLogger(DatabaseDurability.class);
    static final List<String> SETTINGS = List.of("fsync", "synchronous_commit", "full_page_writes");

    private final JdbcTemplate jdbc;
    private volatile Map<String, String> lastRead;

    public DatabaseDurability(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void report() {
        Map<String, String> settings;
        try {
            settings = read();
        } catch (RuntimeException e) {
            log.warn("Could not read the database's durability settings ({})", e.getMessage());
            return;
        }
        List<String> warnings = warnings(settings);
        if (warnings.isEmpty()) {
            log.info("Database durability: {} (an acknowledged save survives a crash)", settings);
            return;
        }
        log.warn("************************************************************************");
        log.warn("Database durability: {}", settings);
        warnings.forEach(warning -> log.warn("NOT DURABLE: {}", warning));
        log.warn("Acknowledged saves can be LOST if PostgreSQL or its machine crashes.");
        log.warn("************************************************************************");
    }

    /** The settings as PostgreSQL reports them ({@code SHOW}). */
    public Map<String, String> read() {
        Map<String, String> settings = new LinkedHashMap<>();
        SETTINGS.forEach(name -> settings.put(name, jdbc.queryForObject("SHOW " + name, String.class)));
        lastRead = settings;
        return settings;
    }

    @Override
    public void contribute(Info.Builder info) {
        Map<String, String> settings = lastRead;
        if (settings == null) {
            try {
                settings = read();
            } catch (RuntimeException e) {
                return;
            }
        }
        Map<String, Object> database = new LinkedHashMap<>();
        database.put("durable", warnings(settings).isEmpty());
        database.putAll(settings);
        info.withDetail("database", database);
    }

    /** What in these settings lets a crash lose acknowledged commits; empty when nothing does. */
    static List<String> warnings(Map<String, String> settings) {
        List<String> warnings = new ArrayList<>();
        if ("off".equalsIgnoreCase(settings.get("fsync"))) {
            warnings.add("fsync=off: a crash of the machine can lose or corrupt committed data");
        }
        if ("off".equalsIgnoreCase(settings.get("synchronous_commit"))) {
            warnings.add("synchronous_commit=off: a commit is acknowledged before its WAL is on disk; "
                    + "a crash of PostgreSQL loses the last commits");
        }
        if ("off".equalsIgnoreCase(settings.get("full_page_writes"))) {
            warnings.add("full_page_writes=off: a crash of the machine can leave torn pages");
        }
        return warnings;
    }
}
