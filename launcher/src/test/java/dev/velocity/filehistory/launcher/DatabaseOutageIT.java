package dev.velocity.filehistory.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.velocity.filehistory.launcher.Api.Project;
import dev.velocity.filehistory.launcher.Api.Response;
import dev.velocity.filehistory.platform.Sha256;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.FileSystemUtils;

/**
 * Issue #10: PostgreSQL stops for 10 s while clients save. Meanwhile every request is answered quickly with 503
 * problem+json and Retry-After (instead of hanging), the health check says DOWN; once the database is back, saves
 * succeed again without anyone restarting the service, the read models catch up, and every acknowledged save is
 * in the history. The database is this test's own, so stopping it disturbs no other test.
 */
@SpringBootTest(classes = VelocityApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "velocity.rate-limit.enabled=false") // its clients save flat out with one token
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class DatabaseOutageIT {

    private static final int CLIENTS = 4;
    private static final Duration OUTAGE = Duration.ofSeconds(10);
    /** Hang detectors, not performance bounds: a connection wait is 1 s, a request used to hang for 30 s. */
    private static final Duration OUTAGE_ANSWER_WITHIN = Duration.ofSeconds(3);
    private static final Duration FIRST_SAVE_AFTER_RESTART_WITHIN = Duration.ofSeconds(8);

    private static final RestartablePostgres POSTGRES = new RestartablePostgres();

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", POSTGRES::jdbcUrl);
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "");
    }

    @LocalServerPort
    int port;

    record Attempt(int client, String content, long began, long ended, Response response) {

        Duration took() {
            return Duration.ofNanos(ended - began);
        }

        boolean acknowledged() {
            return response.status() / 100 == 2;
        }
    }

    @Test
    void whileTheDatabaseIsDownRequestsGet503QuicklyAndAfterwardsNothingAcknowledgedIsMissing() throws Exception {
        Api api = new Api(port);
        Project project = api.createProject("outage", "alice");
        List<Attempt> attempts = new CopyOnWriteArrayList<>();
        AtomicBoolean saving = new AtomicBoolean(true);
        List<Thread> clients = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            int client = c;
            Thread thread = new Thread(() -> save(api, project, client, saving, attempts), "client-" + c);
            thread.start();
            clients.add(thread);
        }

        Thread.sleep(2_000);
        POSTGRES.stop();
        long down = System.nanoTime();
        Thread.sleep(2_000);
        long healthAsked = System.nanoTime();
        Response health = api.get("/actuator/health", null);
        Duration healthTook = Duration.ofNanos(System.nanoTime() - healthAsked);
        // A token this process has not seen yet is looked up in the database by the token filter, outside MVC.
        Response newToken = api.get(Api.files(project), "vfh_not-seen-before");
        Thread.sleep(OUTAGE.toMillis() - 2_000);
        long restarting = System.nanoTime();
        POSTGRES.start();
        long up = System.nanoTime();
        Thread.sleep(6_000);
        saving.set(false);
        for (Thread client : clients) {
            client.join(30_000);
        }

        assertThat(health.status()).as(health.toString()).isEqualTo(503);
        assertThat(health.json().get("status").asText()).isEqualTo("DOWN");
        assertThat(healthTook).isLessThan(OUTAGE_ANSWER_WITHIN);
        assertThat(newToken.status()).as(newToken.toString()).isEqualTo(503);
        assertThat(newToken.contentType()).startsWith("application/problem+json");
        assertThat(newToken.raw().headers().firstValue("Retry-After")).isPresent();
        assertThat(attempts).allSatisfy(a -> assertThat(a.response().status()).as(a.response().toString())
                .isIn(200, 201, 503));
        List<Attempt> duringOutage = attempts.stream().filter(a -> a.began() > down && a.ended() < restarting).toList();
        assertThat(duringOutage).hasSizeGreaterThanOrEqualTo(CLIENTS * 3).allSatisfy(a -> {
            assertThat(a.response().status()).isEqualTo(503);
            assertThat(a.response().contentType()).startsWith("application/problem+json");
            assertThat(a.response().raw().headers().firstValue("Retry-After")).isPresent();
            assertThat(a.response().json().get("type").asText()).endsWith("database-unavailable");
            assertThat(a.took()).as("answer time during the outage").isLessThan(OUTAGE_ANSWER_WITHIN);
        });
        long firstSaveAfterRestart = attempts.stream().filter(a -> a.began() > up && a.acknowledged())
                .mapToLong(Attempt::ended).min().orElseThrow(() -> new AssertionError("no save after the restart"));
        assertThat(Duration.ofNanos(firstSaveAfterRestart - up)).isLessThan(FIRST_SAVE_AFTER_RESTART_WITHIN);
        for (int client = 0; client < CLIENTS; client++) {
            assertEveryAcknowledgedSaveIsInTheHistory(api, project, client, attempts);
        }
        JsonNode verification = api.get("/api/projects/" + project.id() + "/verify", project.token()).json();
        assertThat(verification.get("ok").asBoolean()).as(verification.toString()).isTrue();
    }

    /**
     * Saves its own file on the version it last saw. After a 503 it sends the same content again: if the failed
     * save was stored after all, the retry answers it as unchanged with its version.
     */
    private static void save(Api api, Project project, int client, AtomicBoolean saving, List<Attempt> attempts) {
        int lastSeen = 0;
        String content = null;
        for (int n = 0; saving.get(); n++) {
            if (content == null) {
                content = "client " + client + " save " + n + "\n";
            }
            long began = System.nanoTime();
            Response response = api.save(project, path(client), content, lastSeen);
            attempts.add(new Attempt(client, content, began, System.nanoTime(), response));
            if (response.status() / 100 == 2) {
                lastSeen = response.version();
                content = null;
            } else {
                sleep(200);
            }
        }
    }

    private static void assertEveryAcknowledgedSaveIsInTheHistory(Api api, Project project, int client,
                                                                  List<Attempt> attempts) throws Exception {
        List<Attempt> acknowledged = attempts.stream().filter(a -> a.client() == client && a.acknowledged()).toList();
        int newest = acknowledged.stream().mapToInt(a -> a.response().version()).max().orElseThrow();
        // The projection processor backs off while the database is away, then resumes.
        Response history = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> api.history(project, path(client), "&limit=1000&minVersion=" + newest),
                        response -> response.status() != 503);
        assertThat(history.status()).as(history.toString()).isEqualTo(200);
        Map<Integer, String> hashes = new TreeMap<>();
        history.json().get("entries").forEach(e -> hashes.put(e.get("version").asInt(), e.get("contentHash").asText()));
        assertThat(hashes.keySet()).as("versions of %s", path(client))
                .containsExactlyElementsOf(IntStream.rangeClosed(1, hashes.size()).boxed().toList());
        acknowledged.forEach(ack -> assertThat(hashes.get(ack.response().version()))
                .as("%s v%d", path(client), ack.response().version()).isEqualTo(Sha256.hex(ack.content())));
    }

    private static String path(int client) {
        return "outage/c" + client + ".txt";
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A PostgreSQL of this test's own on a fixed port and data folder, so it can be stopped and started again. */
    static final class RestartablePostgres {

        private final Path dataDirectory;
        private final int port;
        private EmbeddedPostgres server;

        RestartablePostgres() {
            try {
                dataDirectory = Files.createTempDirectory("velocity-outage-pg");
                try (ServerSocket socket = new ServerSocket(0)) {
                    port = socket.getLocalPort();
                }
                start();
                // The data folder outlives the server's restarts, so zonky cannot clean it; 50 MB a run otherwise.
                Runtime.getRuntime().addShutdownHook(new Thread(this::stopAndDelete, "outage-postgres-cleanup"));
                try (Connection connection = server.getPostgresDatabase().getConnection()) {
                    connection.createStatement().execute("CREATE DATABASE velocity");
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }

        String jdbcUrl() {
            return server.getJdbcUrl("postgres", "velocity");
        }

        /** {@code pg_ctl stop -m fast}: open connections are cut, new ones refused. */
        void stop() throws IOException {
            server.close();
        }

        private void stopAndDelete() {
            try {
                server.close();
                FileSystemUtils.deleteRecursively(dataDirectory);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        void start() throws IOException {
            server = EmbeddedPostgres.builder().setDataDirectory(dataDirectory).setCleanDataDirectory(false)
                    .setRegisterShutdownHook(false)
                    .setPort(port).start();
        }
    }
}
