package dev.velocity.filehistory.api;

import org.axonframework.serialization.Revision;

/** A live file was deleted; hash and size are those of its last content. */
@Revision("1")
public record FileDeletedEvent(
        String projectId,
        String fileId,
        String path,
        int version,
        String contentHash,
        long sizeBytes,
        String message,
        String author) {
}
