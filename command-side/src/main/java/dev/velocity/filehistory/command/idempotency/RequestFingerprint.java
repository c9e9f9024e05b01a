package dev.velocity.filehistory.command.idempotency;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * What makes two requests "the same" for an {@code Idempotency-Key}: the SHA-256 of the method, the route and every
 * field as the route reads it, each length-prefixed (and null distinct from empty), so no two different requests
 * share a fingerprint. Fields, not raw bytes: a retry that re-serialises the same body differently is still the same.
 */
public final class RequestFingerprint {

    private RequestFingerprint() {
    }

    public static String of(String method, String route, Object... fields) {
        MessageDigest digest = sha256();
        add(digest, method);
        add(digest, route);
        for (Object field : fields) {
            add(digest, field == null ? null : field.toString());
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static void add(MessageDigest digest, String part) {
        if (part == null) {
            digest.update((byte) 0);
            return;
        }
        byte[] utf8 = part.getBytes(StandardCharsets.UTF_8);
        digest.update((byte) 1);
        digest.update(ByteBuffer.allocate(Long.BYTES).putLong(utf8.length).array());
        digest.update(utf8);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
