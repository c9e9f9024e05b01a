package dev.velocity.filehistory.history.chain;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.SortedMap;

/**
 * The hash chain of a file's events and the head of a project (docs/audit.md). Every file event carries
 * {@code previousHash}, the {@code eventHash} of the file's event before it, and {@code eventHash}, the SHA-256
 * of its own canonical form ({@link CanonicalJson}). Events stored before the chain existed (revision 1) carry
 * neither; their hash is computed the same way, linked to the chain as it stands before them.
 */
public final class EventHashes {

    private EventHashes() {
    }

    /**
     * The event as the next link of a chain whose newest hash is {@code previousHash} (null for a file's first
     * event): that link, and its {@code eventHash} computed over its fields and the link.
     */
    public static <T extends Record> T linked(T event, String previousHash) {
        T withLink = copyWith(event, CanonicalJson.PREVIOUS_HASH, previousHash);
        return copyWith(withLink, CanonicalJson.EVENT_HASH, hashOf(withLink, previousHash));
    }

    /** The SHA-256 (lowercase hex) of the event's canonical form with {@code previousHash} as its link. */
    public static String hashOf(Record event, String previousHash) {
        MessageDigest digest = sha256();
        try (Writer out = new BufferedWriter(new OutputStreamWriter(
                new DigestOutputStream(OutputStream.nullOutputStream(), digest), StandardCharsets.UTF_8))) {
            CanonicalJson.write(event, previousHash, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /**
     * The event's hash as the chain counts it: the {@code eventHash} it carries, or for an event stored before the
     * chain (it carries none) the hash of its canonical form linked to {@code chainHead}, the hash of the file's
     * event before it (null for version 1).
     */
    public static String chained(Record event, String chainHead) {
        String stored = eventHash(event);
        return stored != null ? stored : hashOf(event, chainHead);
    }

    public static String previousHash(Record event) {
        return (String) component(event, CanonicalJson.PREVIOUS_HASH);
    }

    public static String eventHash(Record event) {
        return (String) component(event, CanonicalJson.EVENT_HASH);
    }

    /**
     * The project's head: the SHA-256 of one line {@code <fileId> <eventHash>\n} per file, in the order of the
     * file ids, with the hash of each file's newest event (the SHA-256 of nothing for a project without files).
     */
    public static String head(SortedMap<String, String> newestEventHashByFileId) {
        MessageDigest digest = sha256();
        for (Map.Entry<String, String> file : newestEventHashByFileId.entrySet()) {
            digest.update((file.getKey() + " " + file.getValue() + "\n").getBytes(StandardCharsets.UTF_8));
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    @SuppressWarnings("unchecked")
    private static <T extends Record> T copyWith(T event, String name, Object value) {
        RecordComponent[] components = event.getClass().getRecordComponents();
        Object[] values = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            values[i] = components[i].getName().equals(name) ? value : read(event, components[i]);
        }
        try {
            return (T) event.getClass().getDeclaredConstructor(types).newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot copy " + event.getClass().getName(), e);
        }
    }

    private static Object component(Record event, String name) {
        for (RecordComponent component : event.getClass().getRecordComponents()) {
            if (component.getName().equals(name)) {
                return read(event, component);
            }
        }
        throw new IllegalArgumentException(event.getClass().getSimpleName() + " has no " + name);
    }

    private static Object read(Record event, RecordComponent component) {
        try {
            return component.getAccessor().invoke(event);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("Cannot read " + component, e);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
