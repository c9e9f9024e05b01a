package dev.velocity.filehistory.api;

import org.axonframework.serialization.Revision;

/** A new file came to be: always version 1 of a new file id. */
@Revision("1")
public record FileCreatedEvent(
        String projectId,
        String fileId,
        String path,
        int version,
        String content,
        String contentHash,
        long sizeBytes,
        String fileType,
        String message,
        String author) {
}
