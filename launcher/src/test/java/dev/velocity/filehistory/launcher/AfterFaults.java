package dev.velocity.filehistory.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.zaxxer.hikari.HikariDataSource;
import dev.velocity.filehistory.launcher.Api.Project;
import dev.velocity.filehistory.launcher.Api.Response;
import dev.velocity.filehistory.launcher.EditorWriters.Attempt;
import dev.velocity.filehistory.launcher.EditorWriters.Save;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import javax.sql.DataSource;

/** What the database fault tests check once the faults are over, and the figures they print. */
final class AfterFaults {

    private AfterFaults() {
    }

    /**
     * Nothing acknowledged is lost or changed, every answer is one the editor handles (a save, or 503 with
     * Retry-After), and no retry was told that its key is in use: each retry here is sent after its previous
     * attempt was answered, so that attempt is over.
     */
    static void assertNothingLostAndNoKeyLeftInUse(EditorWriters writers) {
        List<Attempt> attempts = writers.attempts();
        assertThat(attempts).noneMatch(Attempt::keyInUse);
        assertThat(attempts).allSatisfy(a -> {
            assertThat(a.status()).as("status of an attempt (%s)", a.problemType()).isIn(200, 201, 503);
            if (a.status() == 503) {
                assertThat(a.retryAfterSeconds()).as("Retry-After of a 503").isNotNull();
            }
        });
        assertThat(writers.saves()).allMatch(Save::acknowledged);
        writers.assertEveryAcknowledgedSaveStoredOnce();
    }

    /** Every save got its final answer by {@code deadline} (a {@link System#nanoTime()}). */
    static void assertEverySaveAnsweredBy(EditorWriters writers, long deadline) {
        assertThat(writers.saves()).allSatisfy(save -> assertThat(save.last().answered())
                .as("answer of a save that waited %s", save.waited()).isLessThanOrEqualTo(deadline));
    }

    /**
     * Without a restart: health is UP, the pool is full again with live connections, a save lands at its first
     * attempt, and the read models equal a replay of the event store.
     */
    static void assertRecoveredWithoutRestart(Api api, Project project, DataSource dataSource,
                                              FaultyPostgres postgres) {
        Response health = api.get("/actuator/health", null);
        assertThat(health.status()).as(health.toString()).isEqualTo(200);
        assertThat(health.json().get("status").asText()).isEqualTo("UP");
        HikariDataSource pool = (HikariDataSource) dataSource;
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(pool.getHikariPoolMXBean().getTotalConnections()).as("pooled connections")
                    .isEqualTo(pool.getMaximumPoolSize());
            assertThat(postgres.serviceBackends()).as("connections PostgreSQL sees")
                    .isGreaterThanOrEqualTo(pool.getMaximumPoolSize());
        });
        Response save = api.save(project, "after-the-faults.txt", "saved at once\n", 0);
        assertThat(save.status()).as(save.toString()).isEqualTo(201);
        JsonNode verification = api.get("/api/projects/" + project.id() + "/verify", project.token()).json();
        assertThat(verification.get("ok").asBoolean()).as(verification.toString()).isTrue();
    }

    static Duration percentile(List<Duration> waits, double quantile) {
        List<Duration> sorted = waits.stream().sorted().toList();
        if (sorted.isEmpty()) {
            return Duration.ZERO;
        }
        return sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(quantile * sorted.size()) - 1));
    }

    /** One line of figures for the log (and the report of the change that made them hold). */
    static void report(String round, EditorWriters writers, String faults) {
        List<Duration> waits = writers.saves().stream().map(Save::waited).toList();
        List<Attempt> attempts = writers.attempts();
        System.out.printf("%s: %s; %d saves, %d attempts (%d answered 503, %d 409 key-in-use, %d other; at most %d "
                        + "for one save), save wait p50 %.2f s, p99 %.2f s, max %.2f s%n", round, faults, waits.size(),
                attempts.size(), attempts.stream().filter(a -> a.status() == 503).count(),
                attempts.stream().filter(Attempt::keyInUse).count(),
                attempts.stream().filter(a -> a.status() / 100 != 2 && a.status() != 503 && !a.keyInUse()).count(),
                writers.saves().stream().mapToInt(s -> s.attempts().size()).max().orElse(0),
                seconds(percentile(waits, 0.5)), seconds(percentile(waits, 0.99)), seconds(percentile(waits, 1)));
    }

    /** The slowest save's attempts, with the request ids to find them in the service's log. */
    static void reportSlowest(String round, EditorWriters writers) {
        writers.saves().stream().max(Comparator.comparing(Save::waited)).ifPresent(save -> {
            StringBuilder attempts = new StringBuilder();
            save.attempts().forEach(a -> attempts.append(String.format("%n  +%.2f s: %d %s (%s)",
                    (a.sent() - save.firstSent()) / 1e9, a.status(), a.problemType(), a.requestId())));
            System.out.printf("%s: the slowest save, writer %d, waited %.2f s:%s%n", round, save.writer(),
                    seconds(save.waited()), attempts);
        });
    }

    static double seconds(Duration duration) {
        return duration.toNanos() / 1e9;
    }
}
