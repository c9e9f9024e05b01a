package dev.velocity.filehistory.query.file;

import java.util.UUID;

/**
 * The content of the file at {@code path}: its current version, version {@code version}, or, with {@code asOf},
 * the file that was at the path then. A {@code minVersion} over 0 first waits until the read model shows it.
 */
record FindFileContentQuery(UUID projectId, String path, Integer version, Integer minVersion, AsOf asOf) {
}
