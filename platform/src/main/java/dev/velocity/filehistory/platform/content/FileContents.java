package dev.velocity.filehistory.platform.content;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.velocity.filehistory.api.FileCreatedEvent;
import dev.velocity.filehistory.api.FileEditedEvent;
import dev.velocity.filehistory.api.FileRestoredEvent;
import dev.velocity.filehistory.api.FileVersionSavedEvent;
import dev.velocity.filehistory.platform.Sha256;
import java.util.List;
import java.util.Optional;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The content a file had at a version, read from its own event stream, the only place content is stored:
 * the newest event at or before the version that carries the full text (a keyframe), then the line edits of
 * every {@link FileEditedEvent} after it. Moves and deletes carry no content, so they keep the one before.
 * One indexed query per rebuild; every rebuild is checked against the SHA-256 its event recorded. Rebuilt texts
 * are kept by content hash, which names a text for ever, so a cached text can never be stale.
 */
@Component
public class FileContents {

    private static final long CACHED_CHARS = 64L * 1024 * 1024;
    private static final List<String> FULL_TEXT = List.of(FileCreatedEvent.class.getName(),
            FileVersionSavedEvent.class.getName(), FileRestoredEvent.class.getName());
    private static final String EDITS = FileEditedEvent.class.getName();
    private static final String REBUILD = """
            SELECT payloadtype, payloadrevision, payload FROM domainevententry
            WHERE aggregateidentifier = ? AND sequencenumber <= ? AND payloadtype IN (?, ?, ?, ?)
              AND sequencenumber >= (SELECT max(sequencenumber) FROM domainevententry
                                     WHERE aggregateidentifier = ? AND sequencenumber <= ?
                                       AND payloadtype IN (?, ?, ?))
            ORDER BY sequencenumber
            """;

    private final JdbcTemplate jdbc;
    private final Serializer eventSerializer;
    private final Cache<String, String> byHash = Caffeine.newBuilder()
            .maximumWeight(CACHED_CHARS)
            .weigher((String hash, String text) -> text.length() + 64)
            .build();

    FileContents(JdbcTemplate jdbc, @Qualifier("eventSerializer") Serializer eventSerializer) {
        this.jdbc = jdbc;
        this.eventSerializer = eventSerializer;
    }

    /**
     * The file's content at {@code version}; {@code knownHash}, when the caller knows it, lets a cached text
     * answer without reading the store. Empty when the file has no such version.
     */
    public Optional<String> at(String fileId, int version, String knownHash) {
        if (knownHash != null) {
            String cached = byHash.getIfPresent(knownHash);
            if (cached != null) {
                return Optional.of(cached);
            }
        }
        long sequence = version - 1L;
        List<Object> events = jdbc.query(REBUILD,
                (rs, i) -> eventSerializer.deserialize(new SimpleSerializedObject<>(rs.getBytes(3), byte[].class,
                        rs.getString(1), rs.getString(2))),
                fileId, sequence, FULL_TEXT.get(0), FULL_TEXT.get(1), FULL_TEXT.get(2), EDITS,
                fileId, sequence, FULL_TEXT.get(0), FULL_TEXT.get(1), FULL_TEXT.get(2));
        if (events.isEmpty()) {
            return Optional.empty();
        }
        String text = null;
        String hash = null;
        for (Object event : events) {
            if (event instanceof FileEditedEvent edited) {
                text = LineEdits.apply(text, edited.edits());
                hash = edited.contentHash();
            } else {
                FullText full = FullText.of(event);
                text = full.content();
                hash = full.hash();
            }
        }
        if (!Sha256.hex(text).equals(hash)) {
            throw new IllegalStateException("The content of file " + fileId + " at version " + version
                    + " does not match its recorded hash: the event store is damaged");
        }
        remember(hash, text);
        return Optional.of(text);
    }

    /** Keeps a text whose hash the caller computed from it. */
    public void remember(String hash, String text) {
        byHash.put(hash, text);
    }

    private record FullText(String content, String hash) {

        static FullText of(Object event) {
            if (event instanceof FileCreatedEvent created) {
                return new FullText(created.content(), created.contentHash());
            }
            if (event instanceof FileVersionSavedEvent saved) {
                return new FullText(saved.content(), saved.contentHash());
            }
            FileRestoredEvent restored = (FileRestoredEvent) event;
            return new FullText(restored.content(), restored.contentHash());
        }
    }
}
