package dev.velocity.filehistory.api;

import org.axonframework.serialization.Revision;

/** A live file moved to another path; its content is unchanged (hash and size repeat it for readers). */
@Revision("1")
public record FileMovedEvent(
        String projectId,
        String fileId,
        String fromPath,
        String toPath,
        int version,
        String contentHash,
        long sizeBytes,
        String message,
        String author) {
}
