package dev.velocity.filehistory.query.updates;

import dev.velocity.filehistory.history.ChangeKind;

import java.time.Instant;

/** One history entry as live-update subscribers see it. */
public record HistoryEntryUpdate(
        String projectId,
        String path,
        String fileId,
        int version,
        ChangeKind kind,
        String contentHash,
        String by,
        Instant at) {
}
