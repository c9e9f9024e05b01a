package dev.velocity.filehistory.query.readmodel;

import dev.velocity.filehistory.api.FileCreatedEvent;
import dev.velocity.filehistory.api.FileDeletedEvent;
import dev.velocity.filehistory.api.FileEditedEvent;
import dev.velocity.filehistory.api.FileEvent;
import dev.velocity.filehistory.api.FileMovedEvent;
import dev.velocity.filehistory.api.FileRestoredEvent;
import dev.velocity.filehistory.api.FileVersionSavedEvent;
import dev.velocity.filehistory.api.LineEdit;
import dev.velocity.filehistory.platform.Sha256;
import dev.velocity.filehistory.history.chain.EventHashes;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;

/**
 * One file's events as the command side stores them: version after version, each linked to the one before, each
 * stamped one minute after the file's previous event.
 */
final class FileStream {

    static final Instant START = Instant.parse("2025-03-01T09:00:00Z");

    final String projectId;
    final String fileId = UUID.randomUUID().toString();
    private final Instant start;
    private String path;
    private int version;
    private String previousHash;

    FileStream(String projectId, Instant start) {
        this.projectId = projectId;
        this.start = start;
    }

    static String hash(String content) {
        return Sha256.hex(content);
    }

    /** When the event of {@code version} happened. */
    Instant at(int version) {
        return start.plusSeconds(60L * version);
    }

    DomainEventMessage<?> created(String path, String content, String fileType, String author) {
        this.path = path;
        return next(new FileCreatedEvent(projectId, fileId, path, version + 1, content, hash(content),
                content.length(), fileType, "created", author, null, null, null));
    }

    DomainEventMessage<?> saved(String content, String fileType, String author) {
        return next(new FileVersionSavedEvent(projectId, fileId, path, version + 1, content, hash(content),
                content.length(), fileType, "saved", author, null, null, null));
    }

    DomainEventMessage<?> edited(String newContent, String author) {
        List<LineEdit> edits = List.of(new LineEdit(0, 1, List.of(newContent)));
        return next(new FileEditedEvent(projectId, fileId, path, version + 1, edits, EventHashes.editsHash(edits),
                hash(newContent), newContent.length(), null, "edited", author, null, null, null));
    }

    DomainEventMessage<?> moved(String to, String contentHash, long size, String author) {
        String from = path;
        path = to;
        return next(new FileMovedEvent(projectId, fileId, from, to, version + 1, contentHash, size, "moved", author,
                null, null, null));
    }

    DomainEventMessage<?> deleted(String contentHash, long size, String author) {
        return next(new FileDeletedEvent(projectId, fileId, path, version + 1, contentHash, size, "deleted", author,
                null, null, null));
    }

    DomainEventMessage<?> restored(int restoredVersion, String content, String fileType, String author) {
        return next(new FileRestoredEvent(projectId, fileId, path, version + 1, restoredVersion, content,
                hash(content), content.length(), fileType, null, author, null, null, null));
    }

    private <T extends FileEvent> DomainEventMessage<T> next(T payload) {
        T linked = EventHashes.linked(payload, previousHash);
        previousHash = linked.eventHash();
        version++;
        return new GenericDomainEventMessage<>("FileAggregate", fileId, version - 1L, linked, MetaData.emptyInstance(),
                UUID.randomUUID().toString(), at(version));
    }
}
