package dev.velocity.filehistory.query.file;

import java.util.UUID;

/** The unified diff from version {@code from} to version {@code to} of the file at {@code path}. */
record FindFileDiffQuery(UUID projectId, String path, int from, int to, Integer minVersion) {
}
