package dev.velocity.filehistory.query.file;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A page of a file's history; {@code next} is the {@code before} of the next page, or null on the last one. */
record FileHistoryView(String path, UUID fileId, List<Entry> entries, Integer next) {

    /** Named apart from the timeline's entry: the OpenAPI description would merge two schemas called Entry. */
    @Schema(name = "FileHistoryEntry")
    record Entry(int version, String kind, String path, String contentHash, long sizeBytes, Instant at, String by,
                 String message) {

        static Entry of(FileReadModel.Version v) {
            return new Entry(v.version(), v.kind(), v.path(), v.contentHash(), v.sizeBytes(), v.at(), v.by(),
                    v.message());
        }
    }
}
