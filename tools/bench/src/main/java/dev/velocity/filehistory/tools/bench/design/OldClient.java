package dev.velocity.filehistory.tools.bench.design;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A client of the old design: its own connection, saving through atomic_upsert_project_file. */
final class OldClient implements Client {

    static final String UPSERT = "SELECT version FROM atomic_upsert_project_file(?::uuid, ?, ?, ?, ?)";
    private static final Pattern CURRENT = Pattern.compile("current (\\d+)");

    private final Connection connection;
    private final PreparedStatement upsert;
    private final PreparedStatement current;

    OldClient(String url, String user, String password) throws SQLException {
        connection = DriverManager.getConnection(url, user, password);
        upsert = connection.prepareStatement(UPSERT);
        current = connection.prepareStatement("SELECT max(version) FROM project_files"
                + " WHERE project_id = ?::uuid AND file_path = ? AND is_current_version");
    }

    /** Binds one call of the stored function; {@code expected} null: last writer wins. */
    static void bind(PreparedStatement upsert, String project, String path, String content, Integer expected)
            throws SQLException {
        upsert.setString(1, project);
        upsert.setString(2, path);
        upsert.setString(3, content);
        upsert.setString(4, "javascript");
        if (expected == null) {
            upsert.setNull(5, Types.INTEGER);
        } else {
            upsert.setInt(5, expected);
        }
    }

    @Override
    public Outcome save(String project, String path, String content, Integer expected) {
        long start = System.nanoTime();
        try {
            bind(upsert, project, path, content, expected);
            try (ResultSet rs = upsert.executeQuery()) {
                rs.next();
                return Outcome.acknowledged(rs.getInt(1), System.nanoTime() - start);
            }
        } catch (SQLException e) {
            return failure(e, System.nanoTime() - start);
        }
    }

    /** Names the kind of failure; a version conflict carries the current version from the P0409 message. */
    private static Outcome failure(SQLException e, long nanos) {
        String state = String.valueOf(e.getSQLState());
        if ("23505".equals(state)) {
            return Outcome.failed("duplicate key (SQLSTATE 23505)", null, nanos);
        }
        if ("P0409".equals(state)) {
            Matcher m = CURRENT.matcher(String.valueOf(e.getMessage()));
            if (m.find()) {
                return Outcome.failed("version conflict (P0409)", Integer.parseInt(m.group(1)), nanos);
            }
            return Outcome.failed("version conflict claiming no current row (P0409, current <NULL>)", null, nanos);
        }
        return Outcome.failed("other (SQLSTATE " + state + ")", null, nanos);
    }

    @Override
    public Integer currentVersion(String project, String path) {
        try {
            current.setString(1, project);
            current.setString(2, path);
            try (ResultSet rs = current.executeQuery()) {
                rs.next();
                int version = rs.getInt(1);
                return rs.wasNull() ? null : version;
            }
        } catch (SQLException e) {
            return null;
        }
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
