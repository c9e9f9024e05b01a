package dev.velocity.filehistory.query.file;

import java.util.UUID;

/**
 * The project's live files, sorted by path. {@code minVersion} (any value) first waits until the read models have
 * handled every event stored before the query; {@code asOf}, when not null, asks for the files as they were then.
 */
record FindLiveFilesQuery(UUID projectId, Integer minVersion, AsOf asOf) {
}
