package dev.velocity.filehistory.command.idempotency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.velocity.filehistory.command.file.FileCommandResult;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Repository;

/**
 * The {@code idempotency_keys} table, which holds answers only, and the key's lock. Times are the database's
 * ({@code now()}), so every node of a split deployment ages keys by one clock. A row lives {@link #RETENTION}; the
 * hourly clean-up only frees space, since an expired row is also treated as absent.
 * <p>
 * Rows without an answer ({@code status} NULL) are claims written by nodes of the design before issue #23 (see
 * {@code V2__idempotency_answers_only.sql}); they count as absent here, and such a node cannot answer a key once this
 * design has stored an answer for it.
 */
@Repository
@EnableScheduling
class IdempotencyKeys {

    static final Duration RETENTION = Duration.ofHours(24);

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    IdempotencyKeys(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** An answer as stored, with the fingerprint of the request it answered. */
    record Stored(String fingerprint, Answer answer) {
    }

    /**
     * Takes the key for the caller's transaction, without waiting: false if another transaction holds it. PostgreSQL
     * releases it when that transaction ends, by commit, by rollback or with its connection, so no attempt can leave
     * it taken after it is over.
     */
    boolean tryLock(IdempotencyClaim claim) {
        return Boolean.TRUE.equals(jdbc.queryForObject("SELECT pg_try_advisory_xact_lock(?)", Boolean.class,
                claim.lockId()));
    }

    Optional<Stored> find(IdempotencyClaim claim) {
        return jdbc.query("""
                        SELECT request_sha256, status, response FROM idempotency_keys
                        WHERE project_id = ? AND user_name = ? AND idempotency_key = ? AND status IS NOT NULL
                          AND created_at >= now() - make_interval(secs => ?)
                        """,
                (rs, row) -> new Stored(rs.getString(1), new Answer(rs.getInt(2), read(rs.getString(3)))),
                claim.projectId(), claim.user(), claim.key(), RETENTION.toSeconds()).stream().findFirst();
    }

    /**
     * Stores the answer in the caller's transaction, which holds the key's lock and found no answer: it replaces only
     * an expired row or a claim without an answer. False if an answer is there after all, written by a node that
     * takes no lock (the design before); the primary key keeps the two from both storing.
     */
    boolean store(IdempotencyClaim claim, Answer answer) {
        List<Integer> stored = jdbc.queryForList("""
                INSERT INTO idempotency_keys AS k (project_id, user_name, idempotency_key, request_sha256, status,
                                                   response, created_at)
                VALUES (?, ?, ?, ?, ?, ?, now())
                ON CONFLICT (project_id, user_name, idempotency_key) DO UPDATE
                    SET request_sha256 = EXCLUDED.request_sha256, status = EXCLUDED.status,
                        response = EXCLUDED.response, created_at = now()
                    WHERE k.status IS NULL OR k.created_at < now() - make_interval(secs => ?)
                RETURNING 1
                """, Integer.class, claim.projectId(), claim.user(), claim.key(), claim.fingerprint(),
                answer.status(), write(answer.view()), RETENTION.toSeconds());
        return !stored.isEmpty();
    }

    @Scheduled(initialDelayString = "PT1M", fixedDelayString = "PT1H")
    void deleteExpired() {
        jdbc.update("DELETE FROM idempotency_keys WHERE created_at < now() - make_interval(secs => ?)",
                RETENTION.toSeconds());
    }

    private String write(FileCommandResult view) {
        try {
            return json.writeValueAsString(view);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A FileCommandResult is always serialisable", e);
        }
    }

    private FileCommandResult read(String response) {
        try {
            return json.readValue(response, FileCommandResult.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored answer is not a FileCommandResult", e);
        }
    }
}
