package dev.velocity.filehistory.platform.auth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.velocity.filehistory.platform.Sha256;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.sql.Timestamp;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Issues and resolves bearer tokens. A token is 256 random bits shown once to its user; only its SHA-256 is
 * stored (a slow password hash buys nothing for a random 256-bit secret), so a database leak yields no token.
 */
@Component
public class AccessTokens {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final Cache<String, Caller> known = Caffeine.newBuilder()
            .maximumSize(10_000)
            .expireAfterWrite(Duration.ofMinutes(5))
            .build();

    public AccessTokens(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
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

    public Optional<Caller> resolve(String token) {
        String digest = Sha256.hex(token);
        Caller cached = known.getIfPresent(digest);
        if (cached != null) {
            return Optional.of(cached);
        }
        List<Caller> found = jdbc.query("SELECT project_id, user_name FROM access_tokens WHERE token_sha256 = ?",
                (rs, i) -> new Caller(rs.getObject(1, UUID.class), rs.getString(2)), digest);
        found.stream().findFirst().ifPresent(caller -> known.put(digest, caller));
        return found.stream().findFirst();
    }

}
