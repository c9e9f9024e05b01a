package dev.velocity.filehistory.api;

import org.axonframework.serialization.Revision;

/** The content of {@code restoredVersion} became the newest version; a deleted file is live again. */
@Revision("1")
public record FileRestoredEvent(
        String projectId,
        String fileId,
        String path,
        int version,
        int restoredVersion,
        String content,
        String contentHash,
        long sizeBytes,
        String fileType,
        String author) {
}
