package dev.velocity.filehistory.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.velocity.filehistory.launcher.Api.Project;
import dev.velocity.filehistory.launcher.EditorWriters.Attempt;
import dev.velocity.filehistory.launcher.EditorWriters.Save;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Issue #23, second round: the database stalls instead of dropping connections, while 8 editors save as in
 * {@link DroppedConnectionsIT}. Statements run into {@code statement_timeout} in the middle of their command's
 * transaction; then the whole server is paused (SIGSTOP of the postmaster and its backends) for 5 s. Requests get
 * 503 with Retry-After within the bound the service is configured with instead of hanging, and every save lands
 * within 5 s of the database answering again. A transaction timeout of 1 s makes PostgreSQL's statement timeout 2 s
 * and keeps the test short.
 */
@SpringBootTest(classes = VelocityApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"velocity.rate-limit.enabled=false", "velocity.transaction-timeout=1s"})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class StalledDatabaseIT {

    private static final int WRITERS = 8;
    private static final Duration PAUSE = Duration.ofSeconds(5);
    /** The requirement: every save lands within 5 s of the database answering again. */
    private static final Duration RECOVERED_WITHIN = Duration.ofSeconds(5);
    /** A hang detector on a busy machine, on top of the configured bound: far less than the pause. */
    private static final Duration SLACK = Duration.ofMillis(1500);
    /** Long enough for an answer to work done before the pause to have arrived, even on a busy machine. */
    private static final Duration ANSWERS_OF_WORK_DONE_BEFORE = Duration.ofSeconds(1);

    private static final FaultyPostgres POSTGRES = new FaultyPostgres();

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        POSTGRES.serve(registry);
    }

    @LocalServerPort
    int port;

    @Autowired
    DataSource dataSource;

    @Test
    void statementsCancelledByStatementTimeoutAre503AndLoseNothing() throws Exception {
        Api api = new Api(port);
        Project project = api.createProject("statement-timeouts", "alice");
        EditorWriters writers = EditorWriters.start(api, project, "timeouts", WRITERS);
        Thread.sleep(1_000);
        long lastBlockEnded = 0;
        for (int block = 0; block < 3; block++) {
            POSTGRES.blockEventAppends(Duration.ofSeconds(3)); // past the 2 s statement timeout
            lastBlockEnded = System.nanoTime();
            Thread.sleep(1_000);
        }
        writers.stopStarting();
        boolean answered = writers.awaitAnswered(Duration.ofSeconds(60));

        AfterFaults.report("StalledDatabaseIT (statement_timeout)", writers, "3 x event appends blocked for 3 s");
        assertThat(answered).as("every save answered").isTrue();
        assertThat(writers.attempts()).as("attempts cancelled by statement_timeout")
                .anyMatch(a -> a.status() == 503);
        AfterFaults.assertNothingLostAndNoKeyLeftInUse(writers);
        AfterFaults.assertEverySaveAnsweredBy(writers, lastBlockEnded + RECOVERED_WITHIN.toNanos());
        AfterFaults.assertRecoveredWithoutRestart(api, project, dataSource, POSTGRES);
    }

    @Test
    void aPausedDatabaseAnswers503WithinTheConfiguredBoundAndEverySaveLandsSoonAfterItResumes() throws Exception {
        Api api = new Api(port);
        Project project = api.createProject("paused-database", "alice");
        Duration bound = configuredBound();
        EditorWriters writers = EditorWriters.start(api, project, "paused", WRITERS);
        Thread.sleep(2_000);
        POSTGRES.pause();
        long paused = System.nanoTime();
        Thread.sleep(PAUSE.toMillis());
        long resumed = System.nanoTime();
        POSTGRES.resume();
        Thread.sleep(2_000);
        writers.stopStarting();
        boolean answered = writers.awaitAnswered(Duration.ofSeconds(60));

        List<Attempt> duringPause = writers.attempts().stream()
                .filter(a -> a.answered() > paused && a.sent() < resumed).toList();
        // Well into the pause: an answer then cannot come from work the database finished before it stopped.
        List<Attempt> answeredWhilePaused = duringPause.stream()
                .filter(a -> a.answered() > paused + ANSWERS_OF_WORK_DONE_BEFORE.toNanos() && a.answered() < resumed)
                .toList();
        Duration longest = duringPause.stream().map(a -> Duration.ofNanos(a.answered() - Math.max(a.sent(), paused)))
                .max(Duration::compareTo).orElse(Duration.ZERO);
        AfterFaults.report("StalledDatabaseIT (paused)", writers, String.format("paused for %d s; %d attempts "
                        + "answered while paused, the longest after %.2f s (bound %.2f s)", PAUSE.toSeconds(),
                duringPause.size(), AfterFaults.seconds(longest), AfterFaults.seconds(bound)));
        assertThat(answered).as("every save answered").isTrue();
        assertThat(bound).as("the pool's socketTimeout").isPositive().isLessThan(PAUSE);
        assertThat(duringPause).as("attempts the pause met").allSatisfy(a -> {
            long waitingFrom = Math.max(a.sent(), paused);
            assertThat(Duration.ofNanos(a.answered() - waitingFrom)).as("answer time while paused")
                    .isLessThanOrEqualTo(bound.plus(SLACK));
            if (resumed - waitingFrom > bound.toNanos()) {
                assertThat(a.answered()).as("answered within the bound, before the database came back")
                        .isLessThan(resumed);
            }
        });
        assertThat(answeredWhilePaused).as("attempts answered while paused").isNotEmpty()
                .allSatisfy(a -> {
                    assertThat(a.status()).isEqualTo(503);
                    assertThat(a.retryAfterSeconds()).isNotNull();
                });
        AfterFaults.assertNothingLostAndNoKeyLeftInUse(writers);
        AfterFaults.assertEverySaveAnsweredBy(writers, resumed + RECOVERED_WITHIN.toNanos());
        AfterFaults.assertRecoveredWithoutRestart(api, project, dataSource, POSTGRES);
    }

    /**
     * The longest a request waits for a PostgreSQL that answers nothing, as the pool is configured: the driver's socket
     * timeout, plus the time it may spend trying to deliver the cancel of a statement past Spring's transaction
     * timeout before it lets the statement fail. A new connection fails sooner, after Hikari's connection timeout.
     */
    private Duration configuredBound() {
        Properties driver = ((HikariDataSource) dataSource).getDataSourceProperties();
        if (driver.getProperty("socketTimeout") == null) {
            return Duration.ZERO;
        }
        return Duration.ofSeconds(Long.parseLong(driver.getProperty("socketTimeout"))
                + Long.parseLong(driver.getProperty("cancelSignalTimeout", "10")));
    }
}
