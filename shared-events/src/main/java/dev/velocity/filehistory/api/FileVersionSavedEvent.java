package dev.velocity.filehistory.api;

import org.axonframework.serialization.Revision;

/** New content was saved into a live file. */
@Revision("1")
public record FileVersionSavedEvent(
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
