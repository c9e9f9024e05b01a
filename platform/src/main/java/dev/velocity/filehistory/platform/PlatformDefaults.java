package dev.velocity.filehistory.platform;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * The Spring and Axon settings every Velocity application shares, written once for the launcher, the command side
 * and the query side (each application.yml holds only what is its own). They sit below every other source, so an
 * application.yml, a {@code --name=value} argument or an environment variable with Spring's own name
 * ({@code SPRING_DATASOURCE_URL}, {@code SERVER_TOMCAT_THREADS_MAX}) still wins.
 * <p>
 * Settings with a Java hook are typed configuration instead ({@code web/StrictJsonConfiguration},
 * {@code web/TomcatConnectorConfiguration}, {@link DatabaseTimeouts}); Velocity's own settings and their defaults
 * are in {@link VelocityProperties} and each side's properties record.
 */
public class PlatformDefaults implements EnvironmentPostProcessor {

    static final String SOURCE_NAME = "velocityPlatformDefaults";

    /**
     * The environment names operators already use for Spring's own settings (README, docker-compose, deploy/),
     * each with Velocity's default; the only place these names are mapped.
     */
    static final Map<String, Object> OPERATOR_SETTINGS = Map.of(
            "server.port", "${PORT:8080}",
            // More connections than threads that may hold one (ConnectionBudget checks it at start-up), so no
            // thread ever waits for a connection under load.
            "spring.datasource.hikari.maximum-pool-size", "${VELOCITY_DB_POOL_SIZE:24}",
            // Only an unreachable database makes a thread wait for a connection: answer 503 + Retry-After within
            // about a second then instead of holding the request. Milliseconds, as Hikari takes them.
            "spring.datasource.hikari.connection-timeout", "${VELOCITY_DB_CONNECTION_TIMEOUT_MS:1000}",
            // Enough request threads for 2 cores to stay busy while some wait on the database, few enough that the
            // JIT compiler threads are not starved (200 threads kept 63 % of samples interpreted after a minute of
            // load), and with every other connection user fewer than the connection pool.
            "server.tomcat.threads.max", "${VELOCITY_HTTP_THREADS:16}",
            // The threads that stream audit pages and exports after their request returns; each may hold a
            // connection.
            "spring.task.execution.pool.core-size", "${VELOCITY_STREAM_THREADS:2}");

    /** Spring's own names bind from the environment by themselves (SPRING_DATASOURCE_URL and so on). */
    static final Map<String, Object> DATABASE = Map.of(
            "spring.datasource.url", "jdbc:postgresql://localhost:5432/velocity",
            "spring.datasource.username", "velocity",
            "spring.datasource.password", "",
            "spring.datasource.hikari.validation-timeout", "500",
            // Each module's own migrations (db/platform, db/command, db/query) run in order: see ModuleMigrations.
            "spring.flyway.enabled", "true");

    /**
     * Text answers go gzipped to a client that accepts it: file lists, histories, diffs, the audit stream and the
     * export shrink to a fraction of their size on the wire. Server-sent events (text/event-stream) are left out on
     * purpose: a compressor holds bytes back, and each event must reach the editor at once. Below 1 KiB compressing
     * saves less than a packet. The editor's own files come compressed from its build (the launcher's EditorPage).
     */
    static final Map<String, Object> COMPRESSION = Map.of(
            "server.compression.enabled", "true",
            "server.compression.mime-types", String.join(",", "application/json", "application/problem+json",
                    "application/x-ndjson", "text/x-diff", "application/x-git-fast-import", "text/plain", "text/html",
                    "text/css", "text/javascript", "application/javascript", "image/svg+xml"),
            "server.compression.min-response-size", "1KB");

    /** Framework settings nobody tunes that Spring and Axon only offer as properties. */
    static final Map<String, Object> FRAMEWORK = Map.ofEntries(
            // TRACE reaches Spring MVC (TomcatErrorReportConfiguration), which answers it 405 instead of echoing it.
            Map.entry("spring.mvc.dispatch-trace-request", "true"),
            // The API takes JSON only; the form filter would read a whole PUT/DELETE form body into memory.
            Map.entry("spring.mvc.formcontent.filter.enabled", "false"),
            // Nobody listens to a per-request ServletRequestHandledEvent; publishing it costs on every save.
            Map.entry("spring.mvc.publish-request-handled-events", "false"),
            // Events are stored as JSON, readable by docs/verify-export.py and upcasters (docs/events.md).
            Map.entry("axon.serializer.general", "jackson"),
            Map.entry("axon.serializer.events", "jackson"),
            Map.entry("axon.serializer.messages", "jackson"),
            Map.entry("axon.axonserver.enabled", "false"),
            // Axon's handler timeouts capture a stack trace per handler call (about 3.5 per save); our transaction
            // and statement timeouts already bound every handler's work.
            Map.entry("axon.timeout.enabled", "false"),
            // Per-request observations cost more than the save they observe; health and metrics stay.
            Map.entry("management.observations.enable.http", "false"),
            Map.entry("management.endpoints.web.exposure.include", "health,info"),
            Map.entry("management.endpoint.health.probes.enabled", "false"),
            Map.entry("springdoc.api-docs.path", "/api-docs"),
            Map.entry("springdoc.swagger-ui.path", "/api-docs/ui"),
            Map.entry("logging.pattern.level", "%5p [%X{requestId:-}]"));

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Map<String, Object> defaults = new LinkedHashMap<>(OPERATOR_SETTINGS);
        defaults.putAll(DATABASE);
        defaults.putAll(COMPRESSION);
        defaults.putAll(FRAMEWORK);
        environment.getPropertySources().addLast(new MapPropertySource(SOURCE_NAME, defaults));
    }
}
