package dev.velocity.filehistory.query.file;

import java.util.UUID;

/** One page of a file's history, newest first: {@code limit} entries below version {@code before} (null: all). */
record FindFileHistoryQuery(UUID projectId, String path, int limit, Integer before, Integer minVersion) {
}
