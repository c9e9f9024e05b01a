package dev.velocity.filehistory.platform;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The settings of the service, bound from {@code velocity.*} in application.yml (each with an environment fallback).
 *
 * @param maxContentBytes largest accepted content, in UTF-8 bytes (413 above it)
 * @param readWaitTimeout how long a query with {@code minVersion} waits for the read model (503 after it)
 * @param gapTimeout      how long a tracking reader waits for a hole in the global index to fill. It must stay far
 *                        above the longest transaction the database allows ({@code transactionTimeout}), or a
 *                        slow commit is skipped for ever (AxonFramework #4829).
 * @param transactionTimeout the longest a command transaction may stay open; PostgreSQL enforces it too
 * @param adminToken      the bearer token of the admin routes ({@code /api/admin/**}); unset or blank turns them off.
 *                        Never printed: {@link #toString()} only says whether it is set.
 * @param tokenCacheTtl   how long a node trusts a token it has resolved without asking the database again: the
 *                        longest a revoked token keeps working on another node (the revoking node forgets at once)
 * @param rateLimit       requests each token may send, per node
 */
@ConfigurationProperties(prefix = "velocity")
public record VelocityProperties(
        Long maxContentBytes,
        Duration readWaitTimeout,
        Duration gapTimeout,
        Duration transactionTimeout,
        String adminToken,
        Duration tokenCacheTtl,
        RateLimit rateLimit) {

    /**
     * A token bucket per token: {@code burst} requests at once, refilled at {@code requestsPerSecond}; past it, 429
     * with Retry-After. The default (50/s, burst 200) is far above what an editor sends: a save per file at most
     * every 500 ms after typing pauses (one in flight), a few reads in the other tabs after each, one stream per
     * tab, so one fast typist stays near 10 requests a second, and three tabs typing at once, each reloading the
     * others' files, near 25 ({@code RateLimitDefaultsIT}); the burst covers opening a workspace (file list,
     * contents, histories) at once. Scripts that load-test with one token turn it off ({@code enabled=false}).
     */
    public record RateLimit(Boolean enabled, Integer requestsPerSecond, Integer burst) {

        public RateLimit {
            enabled = enabled == null || enabled;
            requestsPerSecond = requestsPerSecond == null ? 50 : requestsPerSecond;
            burst = burst == null ? 200 : burst;
            if (requestsPerSecond < 1 || burst < 1) {
                throw new IllegalArgumentException("velocity.rate-limit.requests-per-second and burst must be at "
                        + "least 1 (set velocity.rate-limit.enabled=false to turn limiting off)");
            }
        }
    }

    public VelocityProperties {
        maxContentBytes = maxContentBytes == null ? 10L * 1024 * 1024 : maxContentBytes;
        readWaitTimeout = readWaitTimeout == null ? Duration.ofSeconds(5) : readWaitTimeout;
        gapTimeout = gapTimeout == null ? Duration.ofMinutes(10) : gapTimeout;
        transactionTimeout = transactionTimeout == null ? Duration.ofSeconds(30) : transactionTimeout;
        adminToken = adminToken == null || adminToken.isBlank() ? null : adminToken;
        tokenCacheTtl = tokenCacheTtl == null ? Duration.ofSeconds(2) : tokenCacheTtl;
        rateLimit = rateLimit == null ? new RateLimit(null, null, null) : rateLimit;
        if (gapTimeout.compareTo(transactionTimeout.multipliedBy(4)) < 0) {
            throw new IllegalArgumentException("velocity.gap-timeout (" + gapTimeout
                    + ") must be at least four times velocity.transaction-timeout (" + transactionTimeout
                    + "): a hole in the event index must not be given up while its transaction may still commit");
        }
    }

    @Override
    public String toString() {
        return "VelocityProperties[maxContentBytes=" + maxContentBytes + ", readWaitTimeout=" + readWaitTimeout
                + ", gapTimeout=" + gapTimeout + ", transactionTimeout=" + transactionTimeout + ", adminToken="
                + (adminToken == null ? "unset" : "set") + ", tokenCacheTtl=" + tokenCacheTtl + ", rateLimit="
                + rateLimit + "]";
    }
}
