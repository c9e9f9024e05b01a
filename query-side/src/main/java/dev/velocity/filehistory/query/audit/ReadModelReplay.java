package dev.velocity.filehistory.query.audit;

import dev.velocity.filehistory.query.file.ChangeKind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;

/**
 * The read-model rows of one file as a fresh replay of its events writes them, by the projections' rules:
 * current_files takes every newer version (a move or delete keeps hash, size and type; a save without a type keeps
 * the old one; created_at is the first event's time), file_versions one row per history entry.
 * <p>
 * Events stored after the request began may or may not be projected yet: their history rows are optional, and
 * the current row may show the file as of any of them, but never older than at the request.
 */
final class ReadModelReplay {

    record CurrentRow(String projectId, String path, int version, String contentHash, long sizeBytes,
                      String fileType, boolean deleted, Instant createdAt, Instant updatedAt, String updatedBy) {
    }

    record HistoryRow(String projectId, String path, String kind, String contentHash, long sizeBytes,
                      String fileType, Instant at, String by, String message) {
    }

    private CurrentRow current;
    private final List<CurrentRow> acceptableCurrent = new ArrayList<>(Collections.singletonList(null));
    private final TreeMap<Integer, HistoryRow> history = new TreeMap<>();
    private final Set<Integer> optionalVersions = new HashSet<>();

    void apply(FileFact fact, Instant at, boolean storedAfterRequest) {
        current = next(current, fact, at);
        if (!storedAfterRequest) {
            acceptableCurrent.clear();
        }
        acceptableCurrent.add(current);
        if (!history.containsKey(fact.version())) {
            history.put(fact.version(), new HistoryRow(fact.projectId(), fact.path(), fact.kind().name(),
                    fact.contentHash(), fact.sizeBytes(), fact.fileType(), at, fact.author(), fact.message()));
            if (storedAfterRequest) {
                optionalVersions.add(fact.version());
            }
        }
    }

    /** The current_files rows the read model may hold (null: no row); the first is the file at the request. */
    List<CurrentRow> acceptableCurrent() {
        return acceptableCurrent;
    }

    TreeMap<Integer, HistoryRow> history() {
        return history;
    }

    boolean optional(int version) {
        return optionalVersions.contains(version);
    }

    private static CurrentRow next(CurrentRow row, FileFact fact, Instant at) {
        if (row != null && row.version() >= fact.version()) {
            return row;
        }
        if (fact.kind() == ChangeKind.MOVED) {
            return row == null ? null : new CurrentRow(row.projectId(), fact.path(), fact.version(),
                    row.contentHash(), row.sizeBytes(), row.fileType(), row.deleted(), row.createdAt(), at,
                    fact.author());
        }
        if (fact.kind() == ChangeKind.DELETED) {
            return row == null ? null : new CurrentRow(row.projectId(), row.path(), fact.version(),
                    row.contentHash(), row.sizeBytes(), row.fileType(), true, row.createdAt(), at, fact.author());
        }
        if (row == null) {
            return new CurrentRow(fact.projectId(), fact.path(), fact.version(), fact.contentHash(),
                    fact.sizeBytes(), fact.fileType(), false, at, at, fact.author());
        }
        return new CurrentRow(row.projectId(), fact.path(), fact.version(), fact.contentHash(), fact.sizeBytes(),
                fact.fileType() != null ? fact.fileType() : row.fileType(), false, row.createdAt(), at,
                fact.author());
    }
}
