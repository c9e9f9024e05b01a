package dev.velocity.filehistory.history.chain;

import dev.velocity.filehistory.api.FileEditedEvent;
import dev.velocity.filehistory.api.HistoryEvent;
import dev.velocity.filehistory.api.LineEdit;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * The hash chain of an event stream and the head of a project (docs/audit.md). Every {@link HistoryEvent} carries
 * {@code previousHash}, the {@code eventHash} of its stream's event before it, and {@code eventHash}, the SHA-256
 * of its own canonical form ({@link CanonicalJson}, in the {@link CanonicalForm} of its stored revision). Events
 * stored before the chain existed (revision 1) carry neither; their hash is computed in form 1, linked to the chain
 * as it stands before them.
 */
public final class EventHashes {

    private EventHashes() {
    }

    /**
     * The event as the next link of a chain whose newest hash is {@code previousHash} (null for a stream's first
     * event): that link, and its {@code eventHash} computed over its fields and the link in the form every event
     * written today takes, {@link CanonicalForm#CONTENT_BY_HASH} (a line-edit event must carry its
     * {@link #editsHash}).
     */
    @SuppressWarnings("unchecked") // withChain answers a copy of the same record
    public static <T extends HistoryEvent> T linked(T event, String previousHash) {
        if (event instanceof FileEditedEvent edited && edited.editsHash() == null) {
            throw new IllegalArgumentException("Line edits without their editsHash would not be in the chain");
        }
        HistoryEvent withLink = event.withChain(previousHash, null);
        return (T) withLink.withChain(previousHash, hashOf(withLink, previousHash, CanonicalForm.CONTENT_BY_HASH));
    }

    /** The SHA-256 (lowercase hex) of the event's canonical form with {@code previousHash} as its link. */
    public static String hashOf(HistoryEvent event, String previousHash, CanonicalForm form) {
        MessageDigest digest = sha256();
        try (Writer out = writerInto(digest)) {
            CanonicalJson.write((Record) event, previousHash, form, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /**
     * The event's hash as the chain counts it: the {@code eventHash} it carries, or for an event stored before the
     * chain (it carries none) the hash of its canonical form (form 1, as it was written) linked to
     * {@code chainHead}, the hash of the stream's event before it (null for its first).
     */
    public static String chained(HistoryEvent event, String chainHead) {
        String stored = event.eventHash();
        return stored != null ? stored : hashOf(event, chainHead, CanonicalForm.WITH_CONTENT);
    }

    /**
     * The {@code editsHash} of line edits: the SHA-256 (lowercase hex) of the canonical JSON of the list as stored,
     * an array of objects {@code {"at","delete","insert"}}. Through it, form 2 of an event pins its edits.
     */
    public static String editsHash(List<LineEdit> edits) {
        MessageDigest digest = sha256();
        try (Writer out = writerInto(digest)) {
            CanonicalJson.writeValue(edits, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /**
     * The project's head: the SHA-256 of one line {@code <id> <eventHash>\n} per stream, in the order of the ids,
     * with the hash of each stream's newest event: a line per file (its file id), and one for the project's own
     * stream (the project id) when it has one. The SHA-256 of nothing for a project without either.
     */
    public static String head(SortedMap<String, String> newestEventHashByStreamId) {
        MessageDigest digest = sha256();
        for (Map.Entry<String, String> stream : newestEventHashByStreamId.entrySet()) {
            digest.update((stream.getKey() + " " + stream.getValue() + "\n").getBytes(StandardCharsets.UTF_8));
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static Writer writerInto(MessageDigest digest) {
        return new BufferedWriter(new OutputStreamWriter(new DigestOutputStream(OutputStream.nullOutputStream(),
                digest), StandardCharsets.UTF_8));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
