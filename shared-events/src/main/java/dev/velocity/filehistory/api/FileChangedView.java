package dev.velocity.filehistory.api;

import java.time.Instant;

/** One history entry as live-update subscribers see it. */
public record FileChangedView(
        String projectId,
        String path,
        String fileId,
        int version,
        FileKind kind,
        String contentHash,
        String by,
        Instant at) {
}
