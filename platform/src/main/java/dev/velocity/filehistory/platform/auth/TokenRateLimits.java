package dev.velocity.filehistory.platform.auth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.velocity.filehistory.platform.VelocityProperties;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Component;

/**
 * One Bucket4j token bucket per access token (keyed by the token's digest) on this node; settings and the reasoning
 * behind the defaults: {@link VelocityProperties.RateLimit}. A bucket left alone is full again after burst/rate
 * seconds, so forgetting it once it has been idle that long (at least a minute) forgets nothing.
 */
@Component
class TokenRateLimits {

    private static final Duration MIN_IDLE_BEFORE_FORGETTING = Duration.ofMinutes(1);

    private final VelocityProperties.RateLimit limit;
    private final Cache<String, Bucket> buckets;

    TokenRateLimits(VelocityProperties properties) {
        this.limit = properties.rateLimit();
        Duration refillsCompletely = Duration.ofSeconds(1 + limit.burst() / limit.requestsPerSecond());
        this.buckets = Caffeine.newBuilder()
                .maximumSize(100_000)
                .expireAfterAccess(refillsCompletely.compareTo(MIN_IDLE_BEFORE_FORGETTING) > 0
                        ? refillsCompletely : MIN_IDLE_BEFORE_FORGETTING)
                .build();
    }

    /** Takes one request from the token's bucket; empty when it may go ahead, else the whole seconds to wait. */
    OptionalLong secondsToWait(Credential credential) {
        if (!limit.enabled()) {
            return OptionalLong.empty();
        }
        ConsumptionProbe probe = buckets.get(credential.digest(), digest -> newBucket())
                .tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            return OptionalLong.empty();
        }
        long nanos = probe.getNanosToWaitForRefill();
        return OptionalLong.of(Math.max(1, TimeUnit.NANOSECONDS.toSeconds(nanos + TimeUnit.SECONDS.toNanos(1) - 1)));
    }

    private Bucket newBucket() {
        return Bucket.builder()
                .addLimit(bandwidth -> bandwidth.capacity(limit.burst())
                        .refillGreedy(limit.requestsPerSecond(), Duration.ofSeconds(1)))
                .build();
    }
}
