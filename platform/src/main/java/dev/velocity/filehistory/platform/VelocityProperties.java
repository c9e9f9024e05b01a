package dev.velocity.filehistory.platform;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The settings every application shares, bound from {@code velocity.*} (environment: {@code VELOCITY_GAP_TIMEOUT}
 * and so on). Each default is written here and nowhere else; a value that breaks a rule stops the start-up with a
 * message naming the setting. Numbers are boxed: an empty variable (docker-compose's {@code ${VELOCITY_X:-}}) binds
 * as null and so takes the default, as an unset one does.
 *
 * @param maxContentBytes largest accepted content, in UTF-8 bytes (413 above it)
 * @param readWaitTimeout how long a query with {@code minVersion} waits for the read model (503 after it)
 * @param gapTimeout      how long a tracking reader waits for a hole in the global index to fill. It must stay far
 *                        above the longest transaction the database allows ({@link #databaseTimeout()}), or a
 *                        slow commit is skipped for ever (AxonFramework #4829, {@code EventGapIT}).
 * @param transactionTimeout the longest a command transaction may stay open; PostgreSQL enforces twice it
 * @param adminToken      the bearer token of the admin routes ({@code /api/admin/**}); unset or blank turns them off.
 *                        Never printed: {@link #toString()} only says whether it is set.
 * @param tokenCacheTtl   how long a node trusts a token it has resolved without asking the database again: the
 *                        longest a revoked token keeps working on another node (the revoking node forgets at once)
 * @param rateLimit       requests each token may send, per node
 */
@Validated
@ConfigurationProperties(prefix = "velocity")
public record VelocityProperties(
        @DefaultValue("10485760") @Positive Long maxContentBytes,
        @DefaultValue("5s") @NotNull @DurationMin(millis = 1) Duration readWaitTimeout,
        @DefaultValue("10m") @NotNull @DurationMin(millis = 1) Duration gapTimeout,
        // Whole seconds: Spring's transaction timeout counts in them.
        @DefaultValue("30s") @NotNull @DurationMin(seconds = 1) Duration transactionTimeout,
        String adminToken,
        @DefaultValue("2s") @NotNull @DurationMin(millis = 0) Duration tokenCacheTtl,
        @DefaultValue @NotNull @Valid RateLimit rateLimit) {

    /**
     * A token bucket per token: {@code burst} requests at once, refilled at {@code requestsPerSecond}; past it, 429
     * with Retry-After. The default (50/s, burst 200) is far above what an editor sends: a save per file at most
     * every 500 ms after typing pauses (one in flight), a few reads in the other tabs after each, one stream per
     * tab, so one fast typist stays near 10 requests a second, and three tabs typing at once, each reloading the
     * others' files, near 25 ({@code RateLimitDefaultsIT}); the burst covers opening a workspace (file list,
     * contents, histories) at once. Scripts that load-test with one token turn it off ({@code enabled=false}),
     * never with a rate of 0.
     */
    public record RateLimit(
            @DefaultValue("true") Boolean enabled,
            @DefaultValue("50") @Min(value = 1, message = TURN_OFF_INSTEAD) Integer requestsPerSecond,
            @DefaultValue("200") @Min(value = 1, message = TURN_OFF_INSTEAD) Integer burst) {

        private static final String TURN_OFF_INSTEAD =
                "must be at least 1 (velocity.rate-limit.enabled=false turns limiting off)";
    }

    public VelocityProperties {
        adminToken = adminToken == null || adminToken.isBlank() ? null : adminToken;
    }

    /**
     * The longest PostgreSQL lets a statement run or a transaction sit idle on our connections (set on each
     * pooled connection, {@code DatabaseTimeouts}): twice the transaction timeout, so the database only ends a
     * transaction Spring has already given up on.
     */
    public Duration databaseTimeout() {
        return transactionTimeout.multipliedBy(2);
    }

    /**
     * A hole in the event index is given up only after any transaction that may still fill it has ended: the gap
     * timeout is at least twice the longest the database lets a transaction live.
     */
    @AssertTrue(message = "velocity.gap-timeout must be at least four times velocity.transaction-timeout (PostgreSQL "
            + "ends a transaction after twice the transaction timeout): a hole in the event index must not be "
            + "given up while its transaction may still commit")
    public boolean isGapTimeoutFarAboveTransactions() {
        return gapTimeout == null || transactionTimeout == null
                || gapTimeout.compareTo(transactionTimeout.multipliedBy(4)) >= 0;
    }

    @Override
    public String toString() {
        return "VelocityProperties[maxContentBytes=" + maxContentBytes + ", readWaitTimeout=" + readWaitTimeout
                + ", gapTimeout=" + gapTimeout + ", transactionTimeout=" + transactionTimeout + ", adminToken="
                + (adminToken == null ? "unset" : "set") + ", tokenCacheTtl=" + tokenCacheTtl + ", rateLimit="
                + rateLimit + "]";
    }
}
