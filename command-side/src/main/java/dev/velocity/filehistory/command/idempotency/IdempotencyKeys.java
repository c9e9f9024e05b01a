package dev.velocity.filehistory.command.idempotency;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Repository;

/**
 * The {@code idempotency_keys} table. Times are the database's ({@code now()}), so every node of a split deployment
 * ages keys by one clock. A row lives {@link #RETENTION}; the hourly clean-up only frees space, since an expired row
 * is also treated as absent when a key is claimed.
 */
@Repository
class IdempotencyKeys {

    static final Duration RETENTION = Duration.ofHours(24);

    private final JdbcTemplate jdbc;

    IdempotencyKeys(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** One request's hold on a key; {@code token} tells this request's claim from a later takeover. */
    record Claim(UUID projectId, String user, String key, String fingerprint, UUID token) {
    }

    record Stored(String fingerprint, Integer status, String response) {

        boolean answered() {
            return status != null;
        }
    }

    /**
     * Claims the key in its own (autocommitted) statement: a new row, or one that expired, or one whose claim is
     * older than {@code staleAfter} and still unanswered, because the request holding it died. Its command cannot
     * have committed: the answer commits with the events.
     */
    boolean claim(Claim claim, Duration staleAfter) {
        List<Integer> claimed = jdbc.queryForList("""
                INSERT INTO idempotency_keys AS k (project_id, user_name, idempotency_key, request_sha256, claim_token,
                                                   created_at, claimed_at)
                VALUES (?, ?, ?, ?, ?, now(), now())
                ON CONFLICT (project_id, user_name, idempotency_key) DO UPDATE
                    SET request_sha256 = EXCLUDED.request_sha256, claim_token = EXCLUDED.claim_token, status = NULL,
                        response = NULL, created_at = now(), claimed_at = now()
                    WHERE k.created_at < now() - make_interval(secs => ?)
                       OR (k.status IS NULL AND k.claimed_at < now() - make_interval(secs => ?))
                RETURNING 1
                """, Integer.class, claim.projectId(), claim.user(), claim.key(), claim.fingerprint(), claim.token(),
                RETENTION.toSeconds(), staleAfter.toSeconds());
        return !claimed.isEmpty();
    }

    Optional<Stored> find(Claim claim) {
        return jdbc.query("""
                        SELECT request_sha256, status, response FROM idempotency_keys
                        WHERE project_id = ? AND user_name = ? AND idempotency_key = ?
                          AND created_at >= now() - make_interval(secs => ?)
                        """,
                (rs, row) -> new Stored(rs.getString(1), (Integer) rs.getObject(2), rs.getString(3)),
                claim.projectId(), claim.user(), claim.key(), RETENTION.toSeconds()).stream().findFirst();
    }

    /** Writes the answer in the caller's transaction; false if this claim no longer holds the key. */
    boolean answer(Claim claim, int status, String response) {
        return jdbc.update("""
                UPDATE idempotency_keys SET status = ?, response = ?
                WHERE project_id = ? AND user_name = ? AND idempotency_key = ? AND claim_token = ? AND status IS NULL
                """, status, response, claim.projectId(), claim.user(), claim.key(), claim.token()) == 1;
    }

    /** Gives the key up after a request that changed nothing (a rejection or a failure), so a retry runs again. */
    void release(Claim claim) {
        jdbc.update("""
                DELETE FROM idempotency_keys
                WHERE project_id = ? AND user_name = ? AND idempotency_key = ? AND claim_token = ? AND status IS NULL
                """, claim.projectId(), claim.user(), claim.key(), claim.token());
    }

    @Scheduled(initialDelayString = "PT1M", fixedDelayString = "PT1H")
    void deleteExpired() {
        jdbc.update("DELETE FROM idempotency_keys WHERE created_at < now() - make_interval(secs => ?)",
                RETENTION.toSeconds());
    }
}
