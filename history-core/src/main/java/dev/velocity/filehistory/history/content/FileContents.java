package dev.velocity.filehistory.history.content;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.velocity.filehistory.api.FileCreatedEvent;
import dev.velocity.filehistory.api.FileEditedEvent;
import dev.velocity.filehistory.api.FileRestoredEvent;
import dev.velocity.filehistory.api.FileVersionSavedEvent;
import dev.velocity.filehistory.api.FullTextEvent;
import dev.velocity.filehistory.platform.Sha256;
import dev.velocity.filehistory.platform.eventstore.EventTable;
import java.util.List;
import java.util.Optional;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
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
    private static final List<String> EDITS = List.of(FileEditedEvent.class.getName());

    private final EventTable events;
    private final Serializer eventSerializer;
    private final Cache<String, String> byHash = Caffeine.newBuilder()
            .maximumWeight(CACHED_CHARS)
            .weigher((String hash, String text) -> text.length() + 64)
            .build();

    FileContents(EventTable events, @Qualifier("eventSerializer") Serializer eventSerializer) {
        this.events = events;
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
        List<Object> stored = events.sinceNewestOf(fileId, version - 1L, FULL_TEXT, EDITS).stream()
                .map(serialized -> (Object) eventSerializer.deserialize(serialized)).toList();
        if (stored.isEmpty()) {
            return Optional.empty();
        }
        String text = null;
        String hash = null;
        for (Object event : stored) {
            if (event instanceof FileEditedEvent edited) {
                text = LineEdits.apply(text, edited.edits());
                hash = edited.contentHash();
            } else {
                FullTextEvent full = (FullTextEvent) event;
                text = full.content();
                hash = full.contentHash();
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
}
