package dev.velocity.filehistory.query.file;

import java.time.Instant;
import java.util.UUID;

/** A live file in the list: its newest version, without content. */
record FileSummaryView(String path, UUID fileId, int version, String contentHash, long sizeBytes, String fileType,
                       Instant updatedAt, String updatedBy) {

    static FileSummaryView of(FileReadModel.CurrentFile file) {
        return new FileSummaryView(file.path(), file.fileId(), file.version(), file.contentHash(), file.sizeBytes(),
                file.fileType(), file.updatedAt(), file.updatedBy());
    }
}
