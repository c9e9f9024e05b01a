package bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static apiclient.ApiClient.sha256;

/** The old design: one row per version, saved by plain JDBC through atomic_upsert_project_file. */
final class OldDesign implements Design {
    private final String url, user, password;
    private final Connection admin;

    OldDesign(String url, String user, String password) throws SQLException {
        this.url = url; this.user = user; this.password = password;
        this.admin = DriverManager.getConnection(url, user, password);
    }

    @Override public String name() { return "old (row per version)"; }

    @Override public String newProject(String label) { return UUID.randomUUID().toString(); }

    @Override public Client client() throws SQLException {
        Connection connection = DriverManager.getConnection(url, user, password);
        return new Client() {
            final PreparedStatement upsert = connection.prepareStatement(
                    "SELECT version FROM atomic_upsert_project_file(?::uuid, ?, ?, ?, ?)");
            final PreparedStatement current = connection.prepareStatement(
                    "SELECT max(version) FROM project_files"
                            + " WHERE project_id = ?::uuid AND file_path = ? AND is_current_version");

            @Override public Outcome save(String project, String path, String content, Integer expected) {
                long start = System.nanoTime();
                try {
                    upsert.setString(1, project);
                    upsert.setString(2, path);
                    upsert.setString(3, content);
                    upsert.setString(4, "javascript");
                    if (expected == null) upsert.setNull(5, Types.INTEGER); else upsert.setInt(5, expected);
                    try (ResultSet rs = upsert.executeQuery()) {
                        rs.next();
                        return new Outcome(Kind.ACKNOWLEDGED, rs.getInt(1), null, null, System.nanoTime() - start);
                    }
                } catch (SQLException e) {
                    long nanos = System.nanoTime() - start;
                    String state = String.valueOf(e.getSQLState());
                    if ("23505".equals(state)) return Outcome.failed("duplicate key (SQLSTATE 23505)", null, nanos);
                    if ("P0409".equals(state)) {
                        Matcher m = Pattern.compile("current (\\d+)").matcher(String.valueOf(e.getMessage()));
                        if (m.find()) return Outcome.failed("version conflict (P0409)", Integer.parseInt(m.group(1)), nanos);
                        return Outcome.failed("version conflict claiming no current row (P0409, current <NULL>)", null, nanos);
                    }
                    return Outcome.failed("other (SQLSTATE " + state + ")", null, nanos);
                }
            }

            @Override public Integer currentVersion(String project, String path) {
                try {
                    current.setString(1, project);
                    current.setString(2, path);
                    try (ResultSet rs = current.executeQuery()) {
                        rs.next();
                        int v = rs.getInt(1);
                        return rs.wasNull() ? null : v;
                    }
                } catch (SQLException e) {
                    return null;
                }
            }

            @Override public void close() throws SQLException { connection.close(); }
        };
    }

    @Override public void seed(String project, String path, String content) throws Exception {
        try (Client c = client()) {
            Outcome o = c.save(project, path, content, null);
            if (o.kind() != Kind.ACKNOWLEDGED) throw new IllegalStateException("seed failed: " + o.failure());
        }
    }

    @Override public Integrity check(String project, String path, int seeded, List<Ack> acks) throws SQLException {
        Map<Integer, List<String>> stored = new TreeMap<>();
        int current = 0;
        Integer currentVersion = null;
        try (PreparedStatement ps = admin.prepareStatement(
                "SELECT version, content_hash, is_current_version FROM project_files"
                        + " WHERE project_id = ?::uuid AND file_path = ? ORDER BY version")) {
            ps.setString(1, project);
            ps.setString(2, path);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    stored.computeIfAbsent(rs.getInt(1), k -> new ArrayList<>()).add(rs.getString(2));
                    if (rs.getBoolean(3)) { current++; currentVersion = rs.getInt(1); }
                }
            }
        }
        return Integrity.compare(stored, current, currentVersion, seeded, acks, null);
    }

    @Override public void readHistoryPage(String project, String path, Integer before, int limit) throws SQLException {
        try (PreparedStatement ps = admin.prepareStatement(
                "SELECT version, content_hash, size_bytes, created_at FROM project_files"
                        + " WHERE project_id = ?::uuid AND file_path = ? AND version < ? ORDER BY version DESC LIMIT ?")) {
            ps.setString(1, project);
            ps.setString(2, path);
            ps.setInt(3, before == null ? Integer.MAX_VALUE : before);
            ps.setInt(4, limit);
            int n = 0;
            try (ResultSet rs = ps.executeQuery()) { while (rs.next()) n++; }
            if (n == 0) throw new IllegalStateException("empty history page");
        }
    }

    @Override public void readVersion(String project, String path, int version) throws SQLException {
        try (PreparedStatement ps = admin.prepareStatement(
                "SELECT content, content_hash FROM project_files WHERE project_id = ?::uuid AND file_path = ? AND version = ?")) {
            ps.setString(1, project);
            ps.setString(2, path);
            ps.setInt(3, version);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next() || rs.getString(1) == null) throw new IllegalStateException("no version " + version);
            }
        }
    }

    @Override public long[] storedBytes(boolean vacuumFull) throws SQLException { return Storage.databaseBytes(admin, vacuumFull); }

    /** One connection, the stored function in transactions of 200 calls: the old design's fastest honest path. */
    @Override public FillResult fill(String project, String path, int upTo, long stopAtNanos, String key, int bytes)
            throws SQLException {
        List<Ack> acks = new ArrayList<>();
        Map<String, Integer> failures = new TreeMap<>();
        int attempts = 0, top = 0;
        boolean cut = false;
        long start = System.nanoTime();
        Editor editor = new Editor(Contents.seed(key, 0), Contents.seed(key + "/fill", 0), bytes);
        try (Connection c = DriverManager.getConnection(url, user, password);
             PreparedStatement upsert = c.prepareStatement(
                     "SELECT version FROM atomic_upsert_project_file(?::uuid, ?, ?, ?, ?)")) {
            c.setAutoCommit(false);
            List<Ack> pending = new ArrayList<>();
            while (top < upTo) {
                if (System.nanoTime() > stopAtNanos) { cut = true; break; }
                String text = editor.next();
                attempts++;
                upsert.setString(1, project);
                upsert.setString(2, path);
                upsert.setString(3, text);
                upsert.setString(4, "javascript");
                upsert.setNull(5, Types.INTEGER);
                try (ResultSet rs = upsert.executeQuery()) {
                    rs.next();
                    top = rs.getInt(1);
                    pending.add(new Ack(top, sha256(text)));
                }
                if (pending.size() == 200 || top >= upTo) { c.commit(); acks.addAll(pending); pending.clear(); }
            }
            c.commit();
            acks.addAll(pending);
        } catch (SQLException e) {
            failures.merge("SQLSTATE " + e.getSQLState(), 1, Integer::sum);
        }
        return new FillResult(acks, attempts, failures, (System.nanoTime() - start) / 1e9, cut,
                "1 JDBC client, expectedVersion null, transactions of 200 calls");
    }

    @Override public void close() throws SQLException { admin.close(); }
}
