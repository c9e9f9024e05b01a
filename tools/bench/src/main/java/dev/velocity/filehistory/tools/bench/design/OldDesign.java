package dev.velocity.filehistory.tools.bench.design;

import dev.velocity.filehistory.tools.bench.text.Contents;
import dev.velocity.filehistory.tools.bench.text.Editor;
import dev.velocity.filehistory.tools.client.ContentHash;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/** The old design: one row per version, saved by plain JDBC through atomic_upsert_project_file. */
public final class OldDesign implements Design {

    private static final int FILL_BATCH = 200;

    private final String url;
    private final String user;
    private final String password;
    private final Connection admin;

    public OldDesign(String url, String user, String password) throws SQLException {
        this.url = url;
        this.user = user;
        this.password = password;
        this.admin = DriverManager.getConnection(url, user, password);
    }

    @Override
    public String name() {
        return "old (row per version)";
    }

    @Override
    public String newProject(String label) {
        return UUID.randomUUID().toString();
    }

    @Override
    public Client client() throws SQLException {
        return new OldClient(url, user, password);
    }

    @Override
    public void seed(String project, String path, String content) throws Exception {
        try (Client client = client()) {
            Outcome outcome = client.save(project, path, content, null);
            if (outcome.kind() != Outcome.Kind.ACKNOWLEDGED) {
                throw new IllegalStateException("seed failed: " + outcome.failure());
            }
        }
    }

    @Override
    public Integrity check(String project, String path, int seeded, List<Ack> acks) throws SQLException {
        Map<Integer, List<String>> stored = new TreeMap<>();
        int current = 0;
        Integer currentVersion = null;
        try (PreparedStatement ps = fileQuery("SELECT version, content_hash, is_current_version FROM project_files"
                + " WHERE project_id = ?::uuid AND file_path = ? ORDER BY version", project, path);
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                stored.computeIfAbsent(rs.getInt(1), k -> new ArrayList<>()).add(rs.getString(2));
                if (rs.getBoolean(3)) {
                    current++;
                    currentVersion = rs.getInt(1);
                }
            }
        }
        return Integrity.compare(stored, current, currentVersion, seeded, acks, null);
    }

    @Override
    public void readHistoryPage(String project, String path, Integer before, int limit) throws SQLException {
        try (PreparedStatement ps = fileQuery("SELECT version, content_hash, size_bytes, created_at FROM project_files"
                + " WHERE project_id = ?::uuid AND file_path = ? AND version < ? ORDER BY version DESC LIMIT ?",
                project, path)) {
            ps.setInt(3, before == null ? Integer.MAX_VALUE : before);
            ps.setInt(4, limit);
            int rows = 0;
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows++;
                }
            }
            if (rows == 0) {
                throw new IllegalStateException("empty history page");
            }
        }
    }

    @Override
    public void readVersion(String project, String path, int version) throws SQLException {
        try (PreparedStatement ps = fileQuery("SELECT content, content_hash FROM project_files"
                + " WHERE project_id = ?::uuid AND file_path = ? AND version = ?", project, path)) {
            ps.setInt(3, version);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next() || rs.getString(1) == null) {
                    throw new IllegalStateException("no version " + version);
                }
            }
        }
    }

    private PreparedStatement fileQuery(String sql, String project, String path) throws SQLException {
        PreparedStatement ps = admin.prepareStatement(sql);
        ps.setString(1, project);
        ps.setString(2, path);
        return ps;
    }

    @Override
    public long[] storedBytes(boolean vacuumFull) throws SQLException {
        return DatabaseSize.measure(admin, vacuumFull);
    }

    /** One connection, the stored function in transactions of 200 calls: the old design's fastest honest path. */
    @Override
    public FillResult fill(String project, String path, int upTo, long stopAtNanos, String key, int bytes) {
        List<Ack> acks = new ArrayList<>();
        Map<String, Integer> failures = new TreeMap<>();
        int[] attempts = {0};
        boolean cut = false;
        long start = System.nanoTime();
        Editor editor = new Editor(Contents.seed(key, 0), Contents.seed(key + "/fill", 0), bytes);
        try (Connection c = DriverManager.getConnection(url, user, password);
             PreparedStatement upsert = c.prepareStatement(OldClient.UPSERT)) {
            c.setAutoCommit(false);
            int top = 0;
            while (top < upTo && !(cut = System.nanoTime() > stopAtNanos)) {
                top = fillBatch(c, upsert, new FillResult.Target(project, path, upTo, stopAtNanos), editor, top, acks, attempts);
            }
        } catch (SQLException e) {
            failures.merge("SQLSTATE " + e.getSQLState(), 1, Integer::sum);
        }
        return new FillResult(acks, attempts[0], failures, (System.nanoTime() - start) / 1e9, cut,
                "1 JDBC client, expectedVersion null, transactions of " + FILL_BATCH + " calls");
    }

    /** Up to 200 saves in one transaction, fewer once the file reaches its target; returns the top version. */
    private static int fillBatch(Connection c, PreparedStatement upsert, FillResult.Target target, Editor editor,
                                 int top, List<Ack> acks, int[] attempts) throws SQLException {
        List<Ack> pending = new ArrayList<>();
        for (int i = 0; i < FILL_BATCH && top < target.upTo(); i++) {
            String text = editor.next();
            attempts[0]++;
            OldClient.bind(upsert, target.project(), target.path(), text, null);
            try (ResultSet rs = upsert.executeQuery()) {
                rs.next();
                top = rs.getInt(1);
                pending.add(new Ack(top, ContentHash.of(text)));
            }
        }
        c.commit();
        acks.addAll(pending);
        return top;
    }

    @Override
    public void close() throws SQLException {
        admin.close();
    }
}
