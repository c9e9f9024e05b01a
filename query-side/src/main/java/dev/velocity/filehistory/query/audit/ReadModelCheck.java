package dev.velocity.filehistory.query.audit;

import dev.velocity.filehistory.history.ChangeKind;
import dev.velocity.filehistory.query.readmodel.CurrentFileRow;
import dev.velocity.filehistory.query.readmodel.HistoryEntry;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Consumer;
import org.springframework.jdbc.core.JdbcTemplate;

/** Compares a file's read-model rows, column by column, with what a fresh replay of its events writes. */
final class ReadModelCheck {

    private static final String CURRENT = """
            SELECT project_id::text, path, version, content_hash, size_bytes, file_type, deleted, created_at,
                   updated_at, updated_by
            FROM current_files WHERE file_id = ?
            """;
    private static final String HISTORY = """
            SELECT project_id::text, file_id::text, version, kind, path, content_hash, size_bytes, file_type, at, by,
                   message
            FROM file_versions WHERE file_id = ? ORDER BY version
            """;
    private static final String FILES_IN_READ_MODELS = """
            SELECT file_id::text FROM current_files WHERE project_id = ?
            UNION SELECT file_id::text FROM file_versions WHERE project_id = ?
            """;

    private final JdbcTemplate jdbc;
    private final Consumer<Problem> problems;

    ReadModelCheck(JdbcTemplate jdbc, Consumer<Problem> problems) {
        this.jdbc = jdbc;
        this.problems = problems;
    }

    void compare(String fileId, String path, ReadModelReplay expected) {
        UUID file = UUID.fromString(fileId);
        List<CurrentFileRow> stored = jdbc.query(CURRENT, (rs, i) -> new CurrentFileRow(rs.getString(1),
                rs.getString(2), rs.getInt(3), rs.getString(4), rs.getLong(5), rs.getString(6), rs.getBoolean(7),
                rs.getTimestamp(8).toInstant(), rs.getTimestamp(9).toInstant(), rs.getString(10)), file);
        compareCurrent(fileId, path, stored.isEmpty() ? null : stored.get(0), expected.acceptableCurrent());
        Map<Integer, HistoryEntry> history = new TreeMap<>();
        jdbc.query(HISTORY, rs -> {
            history.put(rs.getInt(3), new HistoryEntry(rs.getString(1), rs.getString(2), rs.getInt(3),
                    kind(rs.getString(4)), rs.getString(5), rs.getString(6), rs.getLong(7), rs.getString(8),
                    rs.getTimestamp(9).toInstant(), rs.getString(10), rs.getString(11)));
        }, file);
        expected.history().forEach((version, row) -> {
            HistoryEntry actual = history.remove(version);
            if (actual == null && !expected.optional(version)) {
                problems.accept(new Problem(fileId, row.path(), version, "file_versions has no row for version "
                        + version));
            } else if (actual != null && !actual.equals(row)) {
                problems.accept(new Problem(fileId, row.path(), version, "file_versions " + differences(actual, row)));
            }
        });
        history.forEach((version, row) -> problems.accept(new Problem(fileId, row.path(), version,
                "file_versions has a row for version " + version + ", which no event makes")));
    }

    /** Files the read models list in the project although none of the project's events makes them. */
    void unknownFiles(UUID projectId, Set<String> filesWithEvents) {
        jdbc.query(FILES_IN_READ_MODELS, rs -> {
            String fileId = rs.getString(1);
            if (!filesWithEvents.contains(fileId)) {
                problems.accept(new Problem(fileId, null, null,
                        "the read models list this file in the project, but the project has no event of it"));
            }
        }, projectId, projectId);
    }

    private void compareCurrent(String fileId, String path, CurrentFileRow actual, List<CurrentFileRow> acceptable) {
        if (acceptable.contains(actual)) {
            return;
        }
        CurrentFileRow expected = acceptable.stream()
                .filter(row -> row != null && actual != null && row.version() == actual.version())
                .findFirst().orElse(acceptable.get(0));
        if (actual == null) {
            problems.accept(new Problem(fileId, path, expected.version(), "current_files has no row for the file"));
        } else if (expected == null) {
            problems.accept(new Problem(fileId, path, actual.version(),
                    "current_files has a row for the file, which no event made yet"));
        } else {
            problems.accept(new Problem(fileId, path, expected.version(), "current_files "
                    + differences(actual, expected)));
        }
    }

    /** A kind the projections never write reads as none, so it differs from the replay's. */
    private static ChangeKind kind(String stored) {
        try {
            return ChangeKind.valueOf(stored);
        } catch (IllegalArgumentException | NullPointerException e) {
            return null;
        }
    }

    /** "column is X, the events give Y" for every column where the rows differ. */
    private static String differences(Record actual, Record expected) {
        List<String> columns = new ArrayList<>();
        for (RecordComponent component : actual.getClass().getRecordComponents()) {
            Object is = value(component, actual);
            Object shouldBe = value(component, expected);
            if (!Objects.equals(is, shouldBe)) {
                columns.add(column(component.getName()) + " is " + quoted(is) + ", the events give " + quoted(shouldBe));
            }
        }
        return String.join("; ", columns);
    }

    private static Object value(RecordComponent component, Record row) {
        try {
            return component.getAccessor().invoke(row);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String column(String component) {
        return component.replaceAll("([A-Z])", "_$1").toLowerCase(java.util.Locale.ROOT);
    }

    private static String quoted(Object value) {
        return value instanceof String ? "'" + value + "'" : String.valueOf(value);
    }
}
