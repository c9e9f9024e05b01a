package dev.velocity.filehistory.launcher;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;

/**
 * A seeded generator of requests that each break a rule of api.md, over every route. Each is built so that it
 * cannot be valid: a request that might succeed (and store something or open a stream) is never generated.
 */
final class MalformedRequests {

    private final MalformedBodies bodies;
    private final MalformedTargets targets;

    MalformedRequests(long seed, String project, String token, String adminToken, long maxBodyBytes) {
        Random random = new Random(seed);
        this.bodies = new MalformedBodies(random, project, token, adminToken, maxBodyBytes);
        this.targets = new MalformedTargets(random, project, token, adminToken, maxBodyBytes);
    }

    List<Malformed> generate(int count) {
        List<Supplier<Malformed>> kinds = List.of(bodies::badJson, bodies::invalidUtf8Body, bodies::wrongContentType,
                targets::wrongMethod, targets::badProjectId, targets::badPath, targets::badNumber, targets::badPointInTime,
                targets::invalidUtf8Query, targets::invalidRequestTarget, bodies::hugeHeader, targets::hugeQuery,
                bodies::declaredBodyOverLimit, bodies::brokenFraming, targets::badToken, targets::unknownRoute,
                bodies::badIdempotencyKey, targets::badAdminRequest);
        List<Malformed> requests = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            requests.add(kinds.get(i % kinds.size()).get());
        }
        return requests;
    }
}
