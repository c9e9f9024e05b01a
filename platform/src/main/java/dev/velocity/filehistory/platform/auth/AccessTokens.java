package dev.velocity.filehistory.platform.auth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.velocity.filehistory.platform.Sha256;
import dev.velocity.filehistory.platform.VelocityProperties;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Issues, resolves and revokes bearer tokens. A token is 256 random bits shown once to its user; only its SHA-256
 * is stored (a slow password hash buys nothing for a random 256-bit secret), so a database leak yields no token.
 * <p>
 * Resolved tokens are cached for {@code velocity.token-cache-ttl} (seconds, not minutes): revoking forgets them
 * here at once, and another node notices within that time, since a revoked token's row is gone.
 */
@Component
public class AccessTokens {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final Cache<String, Caller> known;

    public AccessTokens(JdbcTemplate jdbc, Clock clock, VelocityProperties properties) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.known = Caffeine.newBuilder()
                .maximumSize(10_000)
                .expireAfterWrite(properties.tokenCacheTtl())
                .build();
    }

    /** Creates a token for a user of a project; the caller must persist the project first (same transaction). */
    public String issue(UUID projectId, String user) {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = "vfh_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        jdbc.update("INSERT INTO access_tokens (token_sha256, project_id, user_name, created_at) VALUES (?, ?, ?, ?)",
                Sha256.hex(token), projectId, user, Timestamp.from(clock.instant()));
        return token;
    }

    /** Who a token acts as, by the token's SHA-256 ({@link Sha256#hex}); empty when unknown or revoked. */
    Optional<Caller> resolveDigest(String digest) {
        Caller cached = known.getIfPresent(digest);
        if (cached != null) {
            return Optional.of(cached);
        }
        List<Caller> found = jdbc.query("SELECT project_id, user_name FROM access_tokens WHERE token_sha256 = ?",
                (rs, i) -> new Caller(rs.getObject(1, UUID.class), rs.getString(2)), digest);
        found.stream().findFirst().ifPresent(caller -> known.put(digest, caller));
        return found.stream().findFirst();
    }

    /**
     * Every token of the user in the project stops working: their rows are deleted (history keeps the user's name,
     * which lives in the events, not here). Not transactional on purpose: the rows must be gone for good before
     * this node forgets them, or a request in between could cache a token again from a transaction not yet
     * committed. Returns how many tokens were revoked.
     */
    public int revoke(UUID projectId, String user) {
        List<String> digests = jdbc.queryForList(
                "DELETE FROM access_tokens WHERE project_id = ? AND user_name = ? RETURNING token_sha256",
                String.class, projectId, user);
        known.invalidateAll(digests);
        return digests.size();
    }
}
