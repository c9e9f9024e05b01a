package dev.velocity.filehistory.command.idempotency;

import java.util.Optional;
import java.util.UUID;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.MetaData;

/**
 * Whose {@code Idempotency-Key} a command runs under, and which request came with it. It travels in the command's
 * metadata, so it belongs to the message and not to a thread; it is never correlation data, so it never reaches an
 * event.
 */
record IdempotencyClaim(UUID projectId, String user, String key, String fingerprint) {

    private static final String META_DATA_KEY = "idempotencyClaim";

    MetaData asMetaData() {
        return MetaData.with(META_DATA_KEY, this);
    }

    static Optional<IdempotencyClaim> of(Message<?> command) {
        return command.getMetaData().get(META_DATA_KEY) instanceof IdempotencyClaim claim
                ? Optional.of(claim) : Optional.empty();
    }

    /**
     * The key's advisory lock: 64 bits of a SHA-256 over project, user and key, the same on every node. Two keys that
     * happen to share it only wait for each other; answers are looked up by the key itself.
     */
    long lockId() {
        String digest = RequestFingerprint.of("lock", "idempotency-key", projectId, user, key);
        return Long.parseUnsignedLong(digest.substring(0, 16), 16);
    }
}
