import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Saves the same workloads into the old row-per-version design (plain JDBC against
 * atomic_upsert_project_file) and into Velocity (its HTTP API), in one run on one PostgreSQL,
 * then writes a Markdown report with absolute figures and new/old ratios.
 *
 * Run through bench/run.sh, which starts PostgreSQL and the service and passes these arguments:
 * jdbc=URL dbUser=U dbPassword=P [api=http://127.0.0.1:PORT] [clients=8] [saves=200]
 * [contentBytes=10240] [deadlineSeconds=40] [warmupSaves=25] report=PATH [meta.KEY=VALUE ...]
 */
public class Bench {

    enum Kind { ACKNOWLEDGED, UNCHANGED, FAILED }

    /** What one save attempt came back with. A failure names its kind in {@code failure}. */
    record Outcome(Kind kind, int version, Integer currentVersion, String failure, long nanos) {
        static Outcome failed(String failure, Integer currentVersion, long nanos) {
            return new Outcome(Kind.FAILED, -1, currentVersion, failure, nanos);
        }
    }

    /** A save the store acknowledged: the version it announced and the hash of what was sent. */
    record Ack(int version, String contentHash) {}

    /** The stored history of one file after a workload, as the store itself tells it. */
    record Integrity(int storedVersions, int gaps, int duplicateVersions, int currentMarkers,
                     Integer currentVersion, int acknowledgedButMissing, int acknowledgedTwice,
                     int storedButNotAcknowledged, String note) {}

    interface Design extends AutoCloseable {
        String name();
        /** A fresh project to work in; returns a handle the other calls get back. */
        String newProject(String label) throws Exception;
        Client client() throws Exception;
        /** Sets up a file at version 1 outside of any timing. */
        void seed(String project, String path, String content) throws Exception;
        Integrity check(String project, String path, int seededVersions, List<Ack> acks) throws Exception;
        default String projectCheck(String project) { return null; }
        /** Waits until the work a save caused is done (a read model catching up), so its CPU time is counted. */
        default void awaitSettled(String project, String path, int version) throws Exception {}
        /** Whether the service process takes part in this design's saves. */
        default boolean usesService() { return false; }
        /** Reads one page of a file's history (newest first, {@code limit} entries below {@code before}); throws if it fails. */
        void readHistoryPage(String project, String path, Integer before, int limit) throws Exception;
        /** Reads version {@code version} of a file with its content; throws if it fails. */
        void readVersion(String project, String path, int version) throws Exception;
        /** When version {@code version} of the file was saved (ISO-8601), for point-in-time reads; null where unsupported. */
        default String savedAt(String project, String path, int version) throws Exception { return null; }
        /** Reads the file list ({@code content} false) or the file's content as they stood at an instant. */
        default void readAsOf(String project, String path, String at, boolean content) throws Exception {}
        /**
         * Bytes the design's database holds after a CHECKPOINT: {sum of pg_total_relation_size over its tables
         * (heap, TOAST, indexes), pg_database_size}, or null if it cannot be measured.
         */
        long[] storedBytes(boolean vacuumFull) throws Exception;
        /**
         * Saves to one file until its top acknowledged version is at least {@code upTo} or the deadline passes, as
         * fast as the design allows (used to build a long history; not timed per save). Returns the acknowledged saves.
         */
        default FillResult fill(String project, String path, int upTo, long stopAtNanos, String key, int bytes) throws Exception {
            return fillConcurrently(this, project, path, upTo, stopAtNanos, key, bytes, 4);
        }
        @Override default void close() throws Exception {}
    }

    record FillResult(List<Ack> acks, int attempts, Map<String, Integer> failures, double seconds, boolean cut, String how) {}

    /** {@code clients} threads save to one file with expectedVersion null (last writer wins) until {@code upTo}. */
    static FillResult fillConcurrently(Design d, String project, String path, int upTo, long stopAtNanos, String key,
                                       int bytes, int clients) throws Exception {
        ConcurrentLinkedQueue<Ack> acks = new ConcurrentLinkedQueue<>();
        Map<String, Integer> failures = new java.util.concurrent.ConcurrentHashMap<>();
        java.util.concurrent.atomic.AtomicInteger attempts = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicBoolean done = new java.util.concurrent.atomic.AtomicBoolean();
        boolean[] cut = new boolean[1];
        List<Thread> threads = new ArrayList<>();
        long start = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            final int id = c;
            Client client = d.client();
            Thread t = new Thread(() -> {
                Editor editor = new Editor(Bench.seed(key, 0), Bench.seed(key + "/fill", id), bytes);
                try (client) {
                    while (!done.get()) {
                        if (System.nanoTime() > stopAtNanos) { cut[0] = true; break; }
                        String text = editor.next();
                        attempts.incrementAndGet();
                        Outcome o = client.save(project, path, text, null);
                        if (o.kind() == Kind.ACKNOWLEDGED) {
                            acks.add(new Ack(o.version(), sha256(text)));
                            if (o.version() >= upTo) done.set(true);
                        } else if (o.kind() == Kind.FAILED) {
                            failures.merge(o.failure(), 1, Integer::sum);
                        }
                    }
                } catch (Exception ignored) { }
            }, "bench-fill-" + c);
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) t.join();
        return new FillResult(new ArrayList<>(acks), attempts.get(), new TreeMap<>(failures),
                (System.nanoTime() - start) / 1e9, cut[0], clients + " clients, expectedVersion null, over the design's own API");
    }

    interface Client extends AutoCloseable {
        Outcome save(String project, String path, String content, Integer expectedVersion);
        /** The version a client reads back after a failure that told it nothing. */
        Integer currentVersion(String project, String path);
        @Override default void close() throws Exception {}
    }

    // ---------------------------------------------------------------- old design (plain JDBC)

    static final class OldDesign implements Design {
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
            return compare(stored, current, currentVersion, seeded, acks, null);
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

        @Override public long[] storedBytes(boolean vacuumFull) throws SQLException { return databaseBytes(admin, vacuumFull); }

        /** One connection, the stored function in transactions of 200 calls: the old design's fastest honest path. */
        @Override public FillResult fill(String project, String path, int upTo, long stopAtNanos, String key, int bytes)
                throws SQLException {
            List<Ack> acks = new ArrayList<>();
            Map<String, Integer> failures = new TreeMap<>();
            int attempts = 0, top = 0;
            boolean cut = false;
            long start = System.nanoTime();
            Editor editor = new Editor(Bench.seed(key, 0), Bench.seed(key + "/fill", 0), bytes);
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

    /**
     * [VACUUM FULL of the tables the bench user owns (all of the design's),] CHECKPOINT, then {sum of
     * pg_total_relation_size over the user tables and materialized views, pg_database_size}.
     */
    static long[] databaseBytes(Connection c, boolean vacuumFull) throws SQLException {
        try (var st = c.createStatement()) {
            if (vacuumFull) st.execute("VACUUM FULL"); // system catalogs are skipped with a warning: not ours
            try {
                st.execute("CHECKPOINT");
            } catch (SQLException e) {
                System.err.println("CHECKPOINT refused (" + e.getMessage() + "); measuring sizes without it");
            }
            try (ResultSet rs = st.executeQuery("SELECT coalesce(sum(pg_total_relation_size(c.oid)), 0)::bigint,"
                    + " pg_database_size(current_database())"
                    + " FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
                    + " WHERE c.relkind IN ('r', 'm', 'p') AND n.nspname NOT IN ('pg_catalog', 'information_schema')"
                    + " AND n.nspname NOT LIKE 'pg_toast%'")) {
                rs.next();
                return new long[] {rs.getLong(1), rs.getLong(2)};
            }
        }
    }

    // ---------------------------------------------------------------- new design (HTTP API)

    static final class NewDesign implements Design {
        private final String api;
        private final HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        private final Map<String, String> tokens = new java.util.concurrent.ConcurrentHashMap<>();

        private final String jdbc, dbUser, dbPassword;

        /** {@code jdbc} is the service's own database (for its size only), null if not given. */
        NewDesign(String api, String jdbc, String dbUser, String dbPassword) {
            this.api = api.replaceAll("/+$", "");
            this.jdbc = jdbc; this.dbUser = dbUser; this.dbPassword = dbPassword;
        }

        @Override public void readHistoryPage(String project, String path, Integer before, int limit) throws Exception {
            HttpResponse<String> r = send(request(project, "/files/history?path=" + q(path) + "&limit=" + limit
                    + (before == null ? "" : "&before=" + before)).GET());
            if (r.statusCode() != 200) throw new IllegalStateException("history: HTTP " + r.statusCode());
            if (((List<?>) ((Map<?, ?>) Json.parse(r.body())).get("entries")).isEmpty()) throw new IllegalStateException("empty history page");
        }

        @Override public void readVersion(String project, String path, int version) throws Exception {
            HttpResponse<String> r = send(request(project, "/files/content?path=" + q(path) + "&version=" + version).GET());
            if (r.statusCode() != 200) throw new IllegalStateException("content version " + version + ": HTTP " + r.statusCode());
        }

        @Override public String savedAt(String project, String path, int version) throws Exception {
            HttpResponse<String> r = send(request(project, "/files/content?path=" + q(path) + "&version=" + version).GET());
            if (r.statusCode() != 200) throw new IllegalStateException("content version " + version + ": HTTP " + r.statusCode());
            return (String) ((Map<?, ?>) Json.parse(r.body())).get("savedAt");
        }

        @Override public void readAsOf(String project, String path, String at, boolean content) throws Exception {
            String when = java.net.URLEncoder.encode(at, java.nio.charset.StandardCharsets.UTF_8);
            String route = content ? "/files/content?path=" + q(path) + "&at=" + when : "/files?at=" + when;
            HttpResponse<String> r = send(request(project, route).GET());
            if (r.statusCode() != 200) throw new IllegalStateException("point in time " + route + ": HTTP " + r.statusCode());
        }

        @Override public long[] storedBytes(boolean vacuumFull) throws SQLException {
            if (jdbc == null) return null;
            try (Connection c = DriverManager.getConnection(jdbc, dbUser, dbPassword)) { return databaseBytes(c, vacuumFull); }
        }

        /** GET content with minVersion: the HTTP status (200 once the read model has the version, 503 after ~5 s). */
        int awaitVisible(String project, String path, int version) {
            try {
                return send(request(project, "/files/content?path=" + q(path) + "&minVersion=" + version).GET()).statusCode();
            } catch (Exception e) {
                return -1;
            }
        }

        @Override public String name() { return "new (Velocity)"; }

        @Override public String newProject(String label) throws Exception {
            HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(api + "/api/projects"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(
                            "{\"name\":" + Json.quote(label) + ",\"user\":\"bench\"}")));
            if (r.statusCode() != 201) throw new IllegalStateException("POST /api/projects: " + r.statusCode() + " " + r.body());
            Map<?, ?> body = (Map<?, ?>) Json.parse(r.body());
            String project = (String) body.get("projectId");
            tokens.put(project, (String) body.get("token"));
            return project;
        }

        private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
            return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        }

        private HttpRequest.Builder request(String project, String pathAndQuery) {
            return HttpRequest.newBuilder(URI.create(api + "/api/projects/" + project + pathAndQuery))
                    .header("Authorization", "Bearer " + tokens.get(project));
        }

        private static String q(String s) { return URLEncoder.encode(s, StandardCharsets.UTF_8); }

        @Override public Client client() {
            return new Client() {
                @Override public Outcome save(String project, String path, String content, Integer expected) {
                    String body = "{\"content\":" + Json.quote(content)
                            + ",\"expectedVersion\":" + (expected == null ? "null" : expected)
                            + ",\"fileType\":\"javascript\"}";
                    long start = System.nanoTime();
                    try {
                        HttpResponse<String> r = send(request(project, "/files?path=" + q(path))
                                .header("Content-Type", "application/json")
                                .PUT(HttpRequest.BodyPublishers.ofString(body)));
                        long nanos = System.nanoTime() - start;
                        int status = r.statusCode();
                        if (status == 200 || status == 201) {
                            Map<?, ?> json = (Map<?, ?>) Json.parse(r.body());
                            int version = ((Number) json.get("version")).intValue();
                            Kind kind = Boolean.FALSE.equals(json.get("changed")) ? Kind.UNCHANGED : Kind.ACKNOWLEDGED;
                            return new Outcome(kind, version, null, null, nanos);
                        }
                        if (status == 409) {
                            Object current = null;
                            try { current = ((Map<?, ?>) Json.parse(r.body())).get("currentVersion"); } catch (RuntimeException ignored) { }
                            if (current instanceof Number n) return Outcome.failed("version conflict (HTTP 409)", n.intValue(), nanos);
                            return Outcome.failed("HTTP 409 without currentVersion", null, nanos);
                        }
                        return Outcome.failed("HTTP " + status + problemTitle(r.body()), null, nanos);
                    } catch (Exception e) {
                        return Outcome.failed("transport: " + e.getClass().getSimpleName(), null, System.nanoTime() - start);
                    }
                }

                @Override public Integer currentVersion(String project, String path) {
                    try {
                        HttpResponse<String> r = send(request(project, "/files/content?path=" + q(path)).GET());
                        if (r.statusCode() != 200) return null;
                        return ((Number) ((Map<?, ?>) Json.parse(r.body())).get("version")).intValue();
                    } catch (Exception e) {
                        return null;
                    }
                }
            };
        }

        private static String problemTitle(String body) {
            try {
                Object title = ((Map<?, ?>) Json.parse(body)).get("title");
                return title == null ? "" : " " + title;
            } catch (RuntimeException e) {
                return "";
            }
        }

        @Override public boolean usesService() { return true; }

        @Override public void awaitSettled(String project, String path, int version) throws Exception {
            waitForReadModel(project, path, version);
        }

        @Override public void seed(String project, String path, String content) {
            Outcome o = client().save(project, path, content, 0);
            if (o.kind() != Kind.ACKNOWLEDGED) throw new IllegalStateException("seed failed: " + o.failure());
        }

        @Override public Integrity check(String project, String path, int seeded, List<Ack> acks) throws Exception {
            int expectedTop = acks.stream().mapToInt(Ack::version).max().orElse(seeded);
            String waited = waitForReadModel(project, path, expectedTop);

            Map<Integer, List<String>> stored = new TreeMap<>();
            Integer before = null;
            for (int page = 0; page < 100; page++) {
                HttpResponse<String> r = send(request(project, "/files/history?path=" + q(path) + "&limit=1000"
                        + (before == null ? "" : "&before=" + before)).GET());
                if (r.statusCode() != 200) throw new IllegalStateException("history: HTTP " + r.statusCode() + " " + r.body());
                Map<?, ?> json = (Map<?, ?>) Json.parse(r.body());
                for (Object e : (List<?>) json.get("entries")) {
                    Map<?, ?> entry = (Map<?, ?>) e;
                    stored.computeIfAbsent(((Number) entry.get("version")).intValue(), k -> new ArrayList<>())
                            .add((String) entry.get("contentHash"));
                }
                Object next = json.get("next");
                if (!(next instanceof Number n)) break;
                before = n.intValue();
            }

            HttpResponse<String> list = send(request(project, "/files").GET());
            int currentMarkers = 0;
            Integer currentVersion = null;
            if (list.statusCode() == 200) {
                for (Object f : (List<?>) Json.parse(list.body())) {
                    Map<?, ?> file = (Map<?, ?>) f;
                    if (path.equals(file.get("path"))) {
                        currentMarkers++;
                        currentVersion = ((Number) file.get("version")).intValue();
                    }
                }
            }
            return compare(stored, currentMarkers, currentVersion, seeded, acks, waited);
        }

        private String waitForReadModel(String project, String path, int version) throws Exception {
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            int lastStatus = 0;
            while (System.nanoTime() < deadline) {
                HttpResponse<String> r = send(request(project,
                        "/files/content?path=" + q(path) + "&minVersion=" + version).GET());
                lastStatus = r.statusCode();
                if (lastStatus == 200) return null;
                Thread.sleep(200);
            }
            return "read model did not reach version " + version + " within 30 s (last answer HTTP " + lastStatus + ")";
        }

        @Override public String projectCheck(String project) {
            try {
                HttpResponse<String> r = http.send(request(project, "/verify").timeout(Duration.ofSeconds(60)).GET().build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() != 200) return "HTTP " + r.statusCode() + problemTitle(r.body());
                Map<?, ?> json = (Map<?, ?>) Json.parse(r.body());
                List<?> problems = (List<?>) json.get("problems");
                return "ok=" + json.get("ok") + ", files=" + json.get("files") + ", events=" + json.get("events")
                        + ", problems=" + (problems == null ? "?" : problems.size()
                        + (problems.isEmpty() ? "" : " (first: " + abbreviate(String.valueOf(problems.get(0)), 160) + ")"));
            } catch (Exception e) {
                return "failed: " + e;
            }
        }
    }

    /** Compares what a store holds for a file with what its clients were told. */
    static Integrity compare(Map<Integer, List<String>> stored, int currentMarkers, Integer currentVersion,
                             int seeded, List<Ack> acks, String note) {
        int storedVersions = stored.values().stream().mapToInt(List::size).sum();
        int duplicates = stored.values().stream().mapToInt(l -> l.size() - 1).sum();
        int top = stored.keySet().stream().mapToInt(Integer::intValue).max().orElse(0);
        int gaps = 0;
        for (int v = 1; v <= top; v++) if (!stored.containsKey(v)) gaps++;

        Map<Integer, Integer> announced = new TreeMap<>();
        int missing = 0;
        for (Ack ack : acks) {
            announced.merge(ack.version(), 1, Integer::sum);
            List<String> hashes = stored.get(ack.version());
            if (hashes == null || !hashes.contains(ack.contentHash())) missing++;
        }
        int twice = announced.values().stream().mapToInt(n -> n - 1).sum();
        int unacknowledged = Math.max(0, storedVersions - seeded - (acks.size() - twice));
        return new Integrity(storedVersions, gaps, duplicates, currentMarkers, currentVersion,
                missing, twice, unacknowledged, note);
    }

    // ---------------------------------------------------------------- CPU time, from /proc

    /**
     * CPU seconds used so far by PostgreSQL (the postmaster, its exited children as reaped, and its live
     * backends) and by the service process. CPU time per save is steadier than wall time on a shared machine.
     */
    record CpuMeter(long pgPid, long servicePid, double ticksPerSecond) {
        double[] seconds() {
            if (pgPid <= 0) return new double[] {Double.NaN, Double.NaN};
            long pg = ticks(pgPid, true);
            try (var dirs = Files.list(Path.of("/proc"))) {
                for (Path dir : (Iterable<Path>) dirs::iterator) {
                    String name = dir.getFileName().toString();
                    if (!name.chars().allMatch(Character::isDigit)) continue;
                    long[] stat = stat(Long.parseLong(name));
                    if (stat != null && stat[0] == pgPid) pg += stat[1] + stat[2];
                }
            } catch (Exception e) {
                return new double[] {Double.NaN, Double.NaN};
            }
            double service = servicePid > 0 ? ticks(servicePid, false) / ticksPerSecond : Double.NaN;
            return new double[] {pg / ticksPerSecond, service};
        }

        private static long ticks(long pid, boolean withReapedChildren) {
            long[] stat = stat(pid);
            if (stat == null) return 0;
            return stat[1] + stat[2] + (withReapedChildren ? stat[3] + stat[4] : 0);
        }

        /** ppid, utime, stime, cutime, cstime of a process, or null if it is gone. */
        private static long[] stat(long pid) {
            try {
                String line = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
                String[] f = line.substring(line.lastIndexOf(')') + 2).split(" ");
                return new long[] {Long.parseLong(f[1]), Long.parseLong(f[11]), Long.parseLong(f[12]),
                        Long.parseLong(f[13]), Long.parseLong(f[14])};
            } catch (Exception e) {
                return null;
            }
        }
    }

    // ---------------------------------------------------------------- workloads

    /** RANDOM: every save rewrites the whole file with fresh text. EDIT: every save is the client's previous text with 3 lines changed. */
    enum Content { RANDOM, EDIT }

    /** LAST_SEEN: the version the client last saw. NULL: last writer wins. STALE: always version 1 of a file at version 2 (every save is rejected). */
    enum Expect { LAST_SEEN, NULL, STALE }

    record Workload(String key, String title, int clients, boolean sharedFile, Content content, int bytes, Expect expect,
                    int saves, Duration deadline, boolean newOnly, int lagEvery) {
        String contentLabel() {
            return (content == Content.EDIT ? "edit (3 lines changed per save)" : "rewrite (whole file new)") + ", "
                    + (bytes >= 1024 ? bytes / 1024 + " KiB" : bytes + " B");
        }
    }

    record Result(Workload workload, String design, int clients, int attempted, int acknowledged, int unchanged,
                  Map<String, Integer> failures, double seconds, long[] ackNanos, long[] failNanos, boolean cutByDeadline,
                  List<Integrity> integrity, String projectCheck, double pgCpuSeconds, double serviceCpuSeconds,
                  long[] lagNanos, long[] probeDelayNanos, int lagSkipped, int lagNotVisible) {
        double savesPerSecond() { return acknowledged / seconds; }
        int failed() { return failures.values().stream().mapToInt(Integer::intValue).sum(); }
        double failedPercent() { return attempted == 0 ? 0 : 100.0 * failed() / attempted; }
        double percentileMs(double p) { return percentile(ackNanos, p); }
        double failedPercentileMs(double p) { return percentile(failNanos, p); }
    }

    static double percentile(long[] sortedNanos, double p) {
        if (sortedNanos == null || sortedNanos.length == 0) return Double.NaN;
        int rank = (int) Math.ceil(p / 100.0 * sortedNanos.length);
        return sortedNanos[Math.max(0, Math.min(sortedNanos.length - 1, rank - 1))] / 1e6;
    }

    static double meanMs(long[] nanos) {
        return nanos.length == 0 ? Double.NaN : java.util.Arrays.stream(nanos).average().orElse(Double.NaN) / 1e6;
    }

    static long[] sorted(java.util.Collection<Long> nanos) {
        return nanos.stream().mapToLong(Long::longValue).sorted().toArray();
    }

    /** What a client sends, save after save: the same sequence for both designs. */
    interface Texts { String seed(); String next(); }

    static Texts texts(Workload w, int client) {
        if (w.content() == Content.EDIT) {
            Editor e = new Editor(seed(w.key(), client), w.bytes());
            return new Texts() {
                public String seed() { return e.text(); }
                public String next() { return e.next(); }
            };
        }
        return new Texts() {
            int save = 0;
            public String seed() { return content(-1, client, w.bytes()); }
            public String next() { return content(save++, client, w.bytes()); }
        };
    }

    static long seed(String key, int client) { return key.hashCode() * 1_000_003L + client; }

    static Result run(Design design, Workload w, CpuMeter cpu) throws Exception {
        int clients = w.clients(), saves = w.saves();
        String project = design.newProject("bench " + w.title());
        List<String> paths = new ArrayList<>();
        List<Texts> texts = new ArrayList<>();
        for (int c = 0; c < clients; c++) texts.add(texts(w, c));
        int seeded = w.expect() == Expect.STALE ? 2 : 1;
        for (int c = 0; c < (w.sharedFile() ? 1 : clients); c++) {
            String path = w.sharedFile() ? "src/shared.js" : "src/client-" + c + ".js";
            design.seed(project, path, texts.get(c).seed());
            if (seeded == 2) {
                try (Client s = design.client()) {
                    Outcome o = s.save(project, path, content(-2, c, w.bytes()), 1);
                    if (o.kind() != Kind.ACKNOWLEDGED || o.version() != 2) throw new IllegalStateException("second seed: " + o);
                }
            }
            paths.add(path);
        }

        ConcurrentLinkedQueue<Outcome> outcomes = new ConcurrentLinkedQueue<>();
        Map<String, ConcurrentLinkedQueue<Ack>> acks = new LinkedHashMap<>();
        for (String p : paths) acks.put(p, new ConcurrentLinkedQueue<>());
        CountDownLatch ready = new CountDownLatch(clients);
        CountDownLatch go = new CountDownLatch(1);
        long[] end = new long[clients];
        boolean[] cut = new boolean[clients];
        List<Thread> threads = new ArrayList<>();
        List<Client> sessions = new ArrayList<>();
        for (int c = 0; c < clients; c++) sessions.add(design.client());
        long[] startHolder = new long[1];

        // Projection lag: every lagEvery-th acknowledged save, a GET with minVersion starts at once on a separate pool,
        // if one of its 8 slots is free; otherwise that sample is skipped (and counted). Bounded because the service
        // answers a minVersion wait by polling the database every 15 ms: unbounded probing (tried: a growing pool) loads
        // PostgreSQL and slows the very read model it measures, 52 of 177 probes hit the 5 s limit. Queueing probes
        // (tried: a fixed pool) counts the queue as lag: p99 of the start delay was 9 s. Skipping keeps every recorded
        // probe exact (started at its ack); it samples a little less often while the lag is high.
        boolean probe = w.lagEvery() > 0 && design instanceof NewDesign;
        java.util.concurrent.ExecutorService probes = probe ? java.util.concurrent.Executors.newCachedThreadPool() : null;
        java.util.concurrent.Semaphore probeSlots = new java.util.concurrent.Semaphore(8);
        java.util.concurrent.atomic.AtomicInteger skipped = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicLong ackCount = new java.util.concurrent.atomic.AtomicLong();
        ConcurrentLinkedQueue<Long> lags = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Long> probeDelays = new ConcurrentLinkedQueue<>();
        java.util.concurrent.atomic.AtomicInteger notVisible = new java.util.concurrent.atomic.AtomicInteger();

        for (int c = 0; c < clients; c++) {
            final int id = c;
            final Client client = sessions.get(c);
            final String path = paths.get(w.sharedFile() ? 0 : c);
            final Texts source = texts.get(c);
            Thread t = new Thread(() -> {
                Integer lastSeen = seeded;
                ready.countDown();
                try { go.await(); } catch (InterruptedException e) { return; }
                long stopAt = startHolder[0] + w.deadline().toNanos();
                for (int i = 0; i < saves; i++) {
                    if (System.nanoTime() > stopAt) { cut[id] = true; break; }
                    String text = source.next();
                    Integer expected = switch (w.expect()) {
                        case LAST_SEEN -> lastSeen;
                        case NULL -> null;
                        case STALE -> 1;
                    };
                    Outcome o = client.save(project, path, text, expected);
                    long ackedAt = System.nanoTime();
                    outcomes.add(o);
                    if (o.kind() != Kind.FAILED) {
                        lastSeen = o.version();
                        if (o.kind() == Kind.ACKNOWLEDGED) {
                            acks.get(path).add(new Ack(o.version(), sha256(text)));
                            if (probe && ackCount.incrementAndGet() % w.lagEvery() == 0) {
                                int version = o.version();
                                if (probeSlots.tryAcquire()) {
                                    probes.execute(() -> {
                                        try {
                                            long delay = System.nanoTime() - ackedAt;
                                            int status = ((NewDesign) design).awaitVisible(project, path, version);
                                            lags.add(System.nanoTime() - ackedAt);
                                            probeDelays.add(delay);
                                            if (status != 200) notVisible.incrementAndGet();
                                        } finally {
                                            probeSlots.release();
                                        }
                                    });
                                } else {
                                    skipped.incrementAndGet();
                                }
                            }
                        }
                    } else if (o.currentVersion() != null) {
                        lastSeen = o.currentVersion();
                    } else {
                        Integer current = client.currentVersion(project, path);
                        if (current != null) lastSeen = current;
                    }
                }
                end[id] = System.nanoTime();
            }, "bench-client-" + c);
            threads.add(t);
            t.start();
        }
        ready.await();
        double[] cpuBefore = cpu.seconds();
        startHolder[0] = System.nanoTime();
        go.countDown();
        for (Thread t : threads) t.join();
        long last = 0;
        for (long e : end) last = Math.max(last, e);
        double seconds = (last - startHolder[0]) / 1e9;
        for (String p : paths) {
            design.awaitSettled(project, p, acks.get(p).stream().mapToInt(Ack::version).max().orElse(seeded));
        }
        if (probes != null) {
            probes.shutdown();
            if (!probes.awaitTermination(60, java.util.concurrent.TimeUnit.SECONDS)) probes.shutdownNow();
        }
        double[] cpuAfter = cpu.seconds();
        for (Client c : sessions) c.close();

        int acknowledged = 0, unchanged = 0;
        Map<String, Integer> failures = new TreeMap<>();
        List<Long> ackNanos = new ArrayList<>();
        List<Long> failNanos = new ArrayList<>();
        for (Outcome o : outcomes) {
            switch (o.kind()) {
                case ACKNOWLEDGED -> { acknowledged++; ackNanos.add(o.nanos()); }
                case UNCHANGED -> unchanged++;
                case FAILED -> { failures.merge(o.failure(), 1, Integer::sum); failNanos.add(o.nanos()); }
            }
        }
        List<Integrity> integrity = new ArrayList<>();
        for (String p : paths) integrity.add(design.check(project, p, seeded, new ArrayList<>(acks.get(p))));
        boolean anyCut = false;
        for (boolean b : cut) anyCut |= b;
        return new Result(w, design.name(), clients, outcomes.size(), acknowledged, unchanged, failures, seconds,
                sorted(ackNanos), sorted(failNanos), anyCut, integrity, design.projectCheck(project),
                cpuAfter[0] - cpuBefore[0], design.usesService() ? cpuAfter[1] - cpuBefore[1] : Double.NaN,
                probe ? sorted(lags) : null, probe ? sorted(probeDelays) : null, skipped.get(), notVisible.get());
    }

    /**
     * Source-like text that a client edits: each {@link #next()} replaces 3 lines (chosen and written from a seeded
     * random, so both designs get the same texts) and returns the whole file, as an editor's autosave sends it.
     */
    static final class Editor {
        private static final String[] NAMES = {"value", "index", "file", "history", "version", "result", "item", "count",
                "path", "content", "buffer", "entry", "offset", "node", "parent", "child", "options", "state"};
        private static final String[] CALLS = {"load", "save", "parse", "render", "update", "compute", "merge", "fetch",
                "resolve", "emit", "format", "normalize"};
        private final List<String> lines = new ArrayList<>();
        private Random random;
        private int save;

        Editor(long seed, int bytes) { this(seed, seed, bytes); }

        /** The text from {@code textSeed}, the edits from {@code editSeed}: several editors of one file. */
        Editor(long textSeed, long editSeed, int bytes) {
            random = new Random(textSeed);
            int size = 0;
            while (size < bytes) {
                String line = line();
                lines.add(line);
                size += line.length() + 1;
            }
            if (editSeed != textSeed) random = new Random(editSeed);
        }

        String text() {
            StringBuilder sb = new StringBuilder(lines.size() * 48);
            for (String l : lines) sb.append(l).append('\n');
            return sb.toString();
        }

        String next() {
            save++;
            for (int k = 0; k < 3; k++) {
                int at = random.nextInt(lines.size());
                String old = lines.get(at);
                String indent = old.substring(0, old.length() - old.stripLeading().length());
                lines.set(at, indent + line().strip() + (k == 0 ? " // edit " + save : ""));
            }
            return text();
        }

        private String name() { return NAMES[random.nextInt(NAMES.length)] + (random.nextInt(4) == 0 ? random.nextInt(10) : ""); }
        private String call() { return CALLS[random.nextInt(CALLS.length)]; }

        private String line() {
            String indent = "  ".repeat(random.nextInt(4));
            return indent + switch (random.nextInt(8)) {
                case 0 -> "const " + name() + " = " + call() + "(" + name() + ", " + random.nextInt(100) + ");";
                case 1 -> "if (" + name() + " > " + random.nextInt(1000) + ") { return " + name() + "; }";
                case 2 -> name() + "." + call() + "(" + name() + ");";
                case 3 -> "// " + call() + " the " + name() + " before the " + name() + " is " + call() + "d";
                case 4 -> "function " + call() + name() + "(" + name() + ", " + name() + ") {";
                case 5 -> "}";
                case 6 -> "let " + name() + " = " + name() + " + " + random.nextInt(10) + ";";
                default -> "return await " + call() + "(" + name() + ", { " + name() + ": " + name() + " });";
            };
        }
    }

    /** Code-like text of about {@code bytes} bytes, different for every (client, save), same for both designs. */
    static String content(int save, int client, int bytes) {
        Random random = new Random(31L * client + save * 1_000_003L);
        String[] words = {"const", "let", "return", "function", "if", "else", "await", "value", "index", "file",
                "history", "version", "=", "+", "(", ")", "{", "}", ";", "=>", "0", "1", "42", "null", "true"};
        StringBuilder sb = new StringBuilder(bytes + 64);
        sb.append("// client ").append(client).append(" save ").append(save).append('\n');
        while (sb.length() < bytes) {
            int n = 4 + random.nextInt(10);
            for (int i = 0; i < n; i++) sb.append(words[random.nextInt(words.length)]).append(' ');
            sb.append("x").append(Long.toHexString(random.nextLong())).append('\n');
        }
        sb.setLength(bytes);
        return sb.toString();
    }

    static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String abbreviate(String s, int max) { return s.length() <= max ? s : s.substring(0, max) + "..."; }

    // ---------------------------------------------------------------- long history

    record LongHistory(String design, int target, int reached, int window, long[] early, long[] late,
                       FillResult fill, long[] firstPage, long[] lastPage, long[] versionReads, long[] listsAsOf,
                       long[] contentsAsOf, String readFailure, Integrity integrity, String projectCheck) {}

    /**
     * One file built to {@code target} versions: {@code window} saves timed one at a time at the start (versions
     * 2..window+1), a fill as fast as the design goes, {@code window} saves timed one at a time at the end, then
     * timed reads of the newest and the oldest history page and of random versions.
     */
    static LongHistory longHistory(Design d, int target, int bytes, Duration fillDeadline, int reads) throws Exception {
        String project = d.newProject("bench long history");
        String path = "src/long.js";
        Editor editor = new Editor(seed("history", 0), bytes);
        d.seed(project, path, editor.text());
        int window = Math.max(10, Math.min(200, target / 4));
        List<Ack> acks = new ArrayList<>();
        int[] last = {1};
        long[] early, late;
        try (Client c = d.client()) {
            early = timedSequence(c, project, path, editor, window, acks, last);
            FillResult fill = d.fill(project, path, target - window, System.nanoTime() + fillDeadline.toNanos(), "history", bytes);
            acks.addAll(fill.acks());
            last[0] = Math.max(last[0], fill.acks().stream().mapToInt(Ack::version).max().orElse(last[0]));
            Integer current = c.currentVersion(project, path);
            if (current != null) last[0] = current;
            // The early saves met an idle read model; let the fill's backlog drain so the late ones do too.
            d.awaitSettled(project, path, last[0]);
            late = timedSequence(c, project, path, editor, window, acks, last);
            int reached = acks.stream().mapToInt(Ack::version).max().orElse(1);
            d.awaitSettled(project, path, reached);

            Random random = new Random(42);
            long[] first = new long[reads], oldest = new long[reads], versions = new long[reads];
            long[] listsAsOf = new long[0], contentsAsOf = new long[0];
            String failure = null;
            try {
                // a few unmeasured reads first: the read paths are cold (no earlier workload reads versions by number)
                for (int i = 0; i < 5; i++) {
                    d.readHistoryPage(project, path, null, 50);
                    d.readHistoryPage(project, path, 51, 50);
                    d.readVersion(project, path, 1 + random.nextInt(reached));
                }
                for (int i = 0; i < reads; i++) first[i] = timed(() -> d.readHistoryPage(project, path, null, 50));
                for (int i = 0; i < reads; i++) oldest[i] = timed(() -> d.readHistoryPage(project, path, 51, 50));
                for (int i = 0; i < reads; i++) {
                    int k = 1 + random.nextInt(reached);
                    versions[i] = timed(() -> d.readVersion(project, path, k));
                }
                if (d.savedAt(project, path, 1) != null) {
                    listsAsOf = new long[reads];
                    contentsAsOf = new long[reads];
                    String middle = d.savedAt(project, path, reached / 2);
                    d.readAsOf(project, path, middle, false);
                    d.readAsOf(project, path, middle, true);
                    for (int i = 0; i < reads; i++) {
                        String at = d.savedAt(project, path, 1 + random.nextInt(reached));
                        listsAsOf[i] = timed(() -> d.readAsOf(project, path, at, false));
                        contentsAsOf[i] = timed(() -> d.readAsOf(project, path, at, true));
                    }
                }
            } catch (Exception e) {
                failure = String.valueOf(e.getMessage());
            }
            java.util.Arrays.sort(first);
            java.util.Arrays.sort(oldest);
            java.util.Arrays.sort(versions);
            java.util.Arrays.sort(listsAsOf);
            java.util.Arrays.sort(contentsAsOf);
            return new LongHistory(d.name(), target, reached, window, early, late, fill, first, oldest, versions,
                    listsAsOf, contentsAsOf, failure,
                    d.check(project, path, 1, acks), d.projectCheck(project));
        }
    }

    interface Call { void run() throws Exception; }

    static long timed(Call call) throws Exception {
        long start = System.nanoTime();
        call.run();
        return System.nanoTime() - start;
    }

    /** {@code n} saves one after another with expectedVersion = last; the latencies of the acknowledged ones, sorted. */
    static long[] timedSequence(Client c, String project, String path, Editor editor, int n, List<Ack> acks, int[] last) {
        List<Long> nanos = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String text = editor.next();
            Outcome o = c.save(project, path, text, last[0]);
            if (o.kind() == Kind.ACKNOWLEDGED) {
                nanos.add(o.nanos());
                acks.add(new Ack(o.version(), sha256(text)));
                last[0] = o.version();
            } else if (o.currentVersion() != null) {
                last[0] = o.currentVersion();
            }
        }
        return sorted(nanos);
    }

    // ---------------------------------------------------------------- storage

    record Storage(String design, int versions, long[] before, long[] written, long[] live, double seconds, long[] latencies,
                   int failed, Integrity integrity) {
        /** MB added as written (which 0: relation sizes, 1: database size), dead row versions and free space included. */
        double addedMb(int which) { return delta(written, which); }
        /** MB added that stay after VACUUM FULL: the live data. */
        double liveMb(int which) { return delta(live, which); }
        private double delta(long[] after, int which) {
            return before == null || after == null ? Double.NaN : (after[which] - before[which]) / 1e6;
        }
    }

    /**
     * One client saves the file {@code saves} times, 3 lines changed each, expectedVersion = last; bytes added to the
     * database, from a VACUUM FULL before the first save to after the last (as written, then after VACUUM FULL).
     */
    static Storage storage(Design d, int saves, int bytes) throws Exception {
        long[] before = d.storedBytes(true);
        String project = d.newProject("bench storage");
        String path = "src/storage.js";
        Editor editor = new Editor(seed("storage", 0), bytes);
        d.seed(project, path, editor.text());
        List<Ack> acks = new ArrayList<>();
        int[] last = {1};
        long start = System.nanoTime();
        long[] latencies;
        try (Client c = d.client()) {
            latencies = timedSequence(c, project, path, editor, saves, acks, last);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        d.awaitSettled(project, path, last[0]);
        Thread.sleep(2000); // anything the service does after a save in the background (snapshots, tokens)
        long[] written = d.storedBytes(false);
        long[] live = d.storedBytes(true);
        return new Storage(d.name(), 1 + acks.size(), before, written, live, seconds, latencies, saves - acks.size(),
                d.check(project, path, 1, acks));
    }

    record GitStorage(int commits, long packBytes, long objectBytes, double seconds, String failure) {}

    /** The same texts as {@link #storage} as commits of a fresh git repository (git fast-import), then git gc --aggressive. */
    static GitStorage gitStorage(int saves, int bytes) {
        long start = System.nanoTime();
        Path dir = null;
        try {
            dir = Files.createTempDirectory("velocity-bench-git");
            git(dir, null, "init", "-q");
            Editor editor = new Editor(seed("storage", 0), bytes);
            Path stream = dir.resolve("import.stream");
            try (var out = new java.io.BufferedOutputStream(Files.newOutputStream(stream))) {
                for (int i = 0; i <= saves; i++) {
                    byte[] text = (i == 0 ? editor.text() : editor.next()).getBytes(StandardCharsets.UTF_8);
                    byte[] message = ("save " + i + "\n").getBytes(StandardCharsets.UTF_8);
                    out.write(("commit refs/heads/bench\ncommitter Bench <bench@example.invalid> " + (1_700_000_000L + i)
                            + " +0000\ndata " + message.length + "\n").getBytes(StandardCharsets.UTF_8));
                    out.write(message);
                    out.write(("M 100644 inline src/storage.js\ndata " + text.length + "\n").getBytes(StandardCharsets.UTF_8));
                    out.write(text);
                    out.write('\n');
                }
            }
            git(dir, stream, "fast-import", "--quiet");
            Files.delete(stream);
            git(dir, null, "gc", "--aggressive", "-q");
            String count = git(dir, null, "rev-list", "--count", "bench").strip();
            long pack = 0, objects = 0;
            try (var files = Files.walk(dir.resolve(".git/objects"))) {
                for (Path f : (Iterable<Path>) files::iterator) {
                    if (!Files.isRegularFile(f)) continue;
                    long size = Files.size(f);
                    objects += size;
                    if (f.getParent().getFileName().toString().equals("pack")) pack += size;
                }
            }
            return new GitStorage(Integer.parseInt(count), pack, objects, (System.nanoTime() - start) / 1e9, null);
        } catch (Exception e) {
            return new GitStorage(0, 0, 0, (System.nanoTime() - start) / 1e9, String.valueOf(e));
        } finally {
            if (dir != null) {
                try (var files = Files.walk(dir)) {
                    files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
                } catch (Exception ignored) { }
            }
        }
    }

    static String git(Path dir, Path stdin, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("git", "-C", dir.toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        if (stdin != null) pb.redirectInput(stdin.toFile());
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(300, java.util.concurrent.TimeUnit.SECONDS) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IllegalStateException("git " + String.join(" ", args) + " failed: " + abbreviate(out, 300));
        }
        return out;
    }

    /** Lines of {@code jcmd PID Compiler.queue}: how much the JIT still has to compile. */
    static String compilerQueue(long pid) {
        if (pid <= 0) return "n/a";
        try {
            Process p = new ProcessBuilder("jcmd", Long.toString(pid), "Compiler.queue").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor(30, java.util.concurrent.TimeUnit.SECONDS);
            return out.lines().count() + " lines";
        } catch (Exception e) {
            return "jcmd failed: " + e.getMessage();
        }
    }

    // ---------------------------------------------------------------- report

    static String f(double d) {
        if (Double.isNaN(d) || Double.isInfinite(d)) return "n/a";
        return String.format(Locale.ROOT, d >= 100 ? "%.0f" : d >= 10 ? "%.1f" : "%.2f", d);
    }

    static String ratio(double newValue, double oldValue) {
        if (Double.isNaN(newValue) || Double.isNaN(oldValue) || oldValue == 0) return "n/a";
        return String.format(Locale.ROOT, "%.2f×", newValue / oldValue);
    }

    static String failureKinds(Result r) {
        if (r.failures().isEmpty()) return "none";
        StringBuilder sb = new StringBuilder();
        r.failures().forEach((k, v) -> sb.append(sb.length() == 0 ? "" : "; ").append(k).append(": ").append(v));
        return sb.toString();
    }

    static double cpuSeconds(Result r) {
        return r.pgCpuSeconds() + (Double.isNaN(r.serviceCpuSeconds()) ? 0 : r.serviceCpuSeconds());
    }

    static double cpuPerSave(Result r) {
        return r.acknowledged() == 0 ? Double.NaN : cpuSeconds(r) * 1000 / r.acknowledged();
    }

    static int problems(Result r) {
        int sum = 0;
        for (Integrity i : r.integrity()) {
            sum += i.gaps() + i.duplicateVersions() + i.acknowledgedButMissing() + i.acknowledgedTwice()
                    + i.storedButNotAcknowledged() + (i.currentMarkers() == 1 ? 0 : 1);
        }
        return sum;
    }

    static String integrityLine(Result r) { return integrityLine(r.integrity()); }

    static String integrityLine(List<Integrity> all) {
        int stored = 0, gaps = 0, dup = 0, missing = 0, twice = 0, unack = 0, filesNotOneCurrent = 0, maxMarkers = 0;
        List<String> notes = new ArrayList<>();
        for (Integrity i : all) {
            stored += i.storedVersions(); gaps += i.gaps(); dup += i.duplicateVersions();
            missing += i.acknowledgedButMissing(); twice += i.acknowledgedTwice(); unack += i.storedButNotAcknowledged();
            if (i.currentMarkers() != 1) filesNotOneCurrent++;
            maxMarkers = Math.max(maxMarkers, i.currentMarkers());
            if (i.note() != null) notes.add(i.note());
        }
        String s = "stored versions " + stored + ", gaps " + gaps + ", duplicate versions " + dup
                + ", acknowledged but not stored " + missing + ", same version acknowledged twice " + twice
                + ", stored but never acknowledged " + unack
                + ", files without exactly one current marker " + filesNotOneCurrent + "/" + all.size();
        return notes.isEmpty() ? s : s + "; " + String.join("; ", notes);
    }

    static String report(Map<String, String> meta, List<Result[]> pairs, List<LongHistory> histories,
                         List<Storage> storages, GitStorage git, String newDesignNote) {
        StringBuilder md = new StringBuilder();
        md.append("# Velocity benchmark: ").append(meta.getOrDefault("date", Instant.now().toString())).append("\n\n");
        md.append("Old design (`atomic_upsert_project_file`, one row per version) against Velocity, ")
                .append("same PostgreSQL instance, same run, same contents. Clients, files and content of each workload are ")
                .append("in its title and in the workload table; see bench/README.md.\n\n");
        if (!meta.isEmpty()) {
            md.append("| setting | value |\n|---|---|\n");
            meta.forEach((k, v) -> { if (!k.equals("date")) md.append("| ").append(k).append(" | ").append(v.replace("|", "\\|")).append(" |\n"); });
            md.append('\n');
        }
        if (newDesignNote != null) md.append("**New design not measured:** ").append(newDesignNote).append("\n\n");

        targets(md, pairs, histories, storages, git);

        if (!pairs.isEmpty()) {
            md.append("## Summary (ratios are new/old)\n\n");
            md.append("| workload | content | old saves/s | new saves/s | saves/s new/old | old failed | new failed | p50 ms old / new | p95 ms old / new | p99 ms old / new | p95 new/old | CPU ms per save old / new | history problems old / new |\n");
            md.append("|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
            for (Result[] p : pairs) {
                Result o = p[0], n = p[1];
                md.append("| ").append(p[p[0] != null ? 0 : 1].workload().title())
                        .append(" | ").append(p[p[0] != null ? 0 : 1].workload().contentLabel())
                        .append(" | ").append(cell(o, r -> f(r.savesPerSecond())))
                        .append(" | ").append(cell(n, r -> f(r.savesPerSecond())))
                        .append(" | ").append(o == null || n == null ? "n/a" : ratio(n.savesPerSecond(), o.savesPerSecond()))
                        .append(" | ").append(cell(o, r -> f(r.failedPercent()) + " %"))
                        .append(" | ").append(cell(n, r -> f(r.failedPercent()) + " %"))
                        .append(" | ").append(cell(o, r -> f(r.percentileMs(50)))).append(" / ").append(cell(n, r -> f(r.percentileMs(50))))
                        .append(" | ").append(cell(o, r -> f(r.percentileMs(95)))).append(" / ").append(cell(n, r -> f(r.percentileMs(95))))
                        .append(" | ").append(cell(o, r -> f(r.percentileMs(99)))).append(" / ").append(cell(n, r -> f(r.percentileMs(99))))
                        .append(" | ").append(o == null || n == null ? "n/a" : ratio(n.percentileMs(95), o.percentileMs(95)))
                        .append(" | ").append(cell(o, r -> f(cpuPerSave(r)))).append(" / ").append(cell(n, r -> f(cpuPerSave(r))))
                        .append(" | ").append(cell(o, r -> String.valueOf(problems(r)))).append(" / ").append(cell(n, r -> String.valueOf(problems(r))))
                        .append(" |\n");
            }
            md.append("\nsaves/s counts acknowledged saves only (a rejected save saved nothing); latencies are those of acknowledged saves. ")
                    .append("History problems: gaps + duplicate versions + acknowledged saves not stored or announced twice + ")
                    .append("versions stored but never acknowledged + files without exactly one current version (want 0). ")
                    .append("CPU ms per save: CPU time of PostgreSQL (old) or of PostgreSQL and the service (new) during the ")
                    .append("workload, until the read models caught up, divided by the acknowledged saves; the clients are not counted. ")
                    .append("For the all-rejected workload read CPU ms per attempt in its section.\n");
        }

        for (Result[] p : pairs) {
            Result any = p[0] != null ? p[0] : p[1];
            md.append("\n## ").append(any.workload().title()).append("\n\n");
            md.append("| | ").append(p[0] == null ? "old (not measured)" : p[0].design()).append(" | ")
                    .append(p[1] == null ? "new (not measured)" : p[1].design()).append(" |\n|---|---|---|\n");
            row(md, "clients / files / content", p, r -> r.clients() + " / " + (r.workload().sharedFile() ? 1 : r.clients())
                    + " / " + r.workload().contentLabel());
            row(md, "save attempts", p, r -> String.valueOf(r.attempted()) + (r.cutByDeadline() ? " (cut by the time limit)" : ""));
            row(md, "acknowledged saves", p, r -> String.valueOf(r.acknowledged()));
            row(md, "answered unchanged", p, r -> String.valueOf(r.unchanged()));
            row(md, "wall time s", p, r -> f(r.seconds()));
            row(md, "acknowledged saves/s", p, r -> f(r.savesPerSecond()));
            row(md, "answered attempts/s (incl. rejected)", p, r -> f(r.attempted() / r.seconds()));
            row(md, "failed", p, r -> r.failed() + " (" + f(r.failedPercent()) + " %)");
            row(md, "failure kinds", p, Bench::failureKinds);
            row(md, "latency p50 / p95 / p99 ms", p,
                    r -> f(r.percentileMs(50)) + " / " + f(r.percentileMs(95)) + " / " + f(r.percentileMs(99)));
            row(md, "CPU s during the workload: PostgreSQL / service", p,
                    r -> f(r.pgCpuSeconds()) + " / " + (Double.isNaN(r.serviceCpuSeconds()) ? "not involved" : f(r.serviceCpuSeconds())));
            row(md, "CPU ms per acknowledged save / per attempt", p,
                    r -> f(cpuPerSave(r)) + " / " + f(cpuSeconds(r) * 1000 / r.attempted()));
            row(md, "rejected saves: latency p50 / p95 ms", p,
                    r -> r.failed() == 0 ? "n/a" : f(r.failedPercentileMs(50)) + " / " + f(r.failedPercentileMs(95)));
            if (any.workload().lagEvery() > 0) {
                row(md, "projection lag (ack to GET minVersion answered) p50 / p99 / max ms", p, r -> r.lagNanos() == null ? "n/a (reads its own writes)"
                        : f(percentile(r.lagNanos(), 50)) + " / " + f(percentile(r.lagNanos(), 99)) + " / " + f(percentile(r.lagNanos(), 100))
                        + " (" + r.lagNanos().length + " probes; every " + r.workload().lagEvery() + "th ack, skipped when all 8 probes were busy: "
                        + r.lagSkipped() + " skipped; " + r.lagNotVisible() + " not 200)");
                row(md, "probe start delay after the ack p50 / p99 ms (want ~0: each lag is then exact)", p, r -> r.probeDelayNanos() == null ? "n/a"
                        : f(percentile(r.probeDelayNanos(), 50)) + " / " + f(percentile(r.probeDelayNanos(), 99)));
            }
            row(md, "current version: markers per file (want 1)", p, r -> {
                StringBuilder sb = new StringBuilder();
                for (Integrity i : r.integrity()) sb.append(sb.length() == 0 ? "" : ", ").append(i.currentMarkers())
                        .append(i.currentVersion() == null ? "" : " (v" + i.currentVersion() + ")");
                return r.integrity().size() > 4 ? "max " + r.integrity().stream().mapToInt(Integrity::currentMarkers).max().orElse(0)
                        + ", min " + r.integrity().stream().mapToInt(Integrity::currentMarkers).min().orElse(0) : sb.toString();
            });
            row(md, "history check", p, Bench::integrityLine);
            if (p[1] != null && p[1].projectCheck() != null) row(md, "GET /verify", p, r -> r.projectCheck() == null ? "" : r.projectCheck());
        }

        if (!histories.isEmpty()) {
            md.append("\n## Long history: one file built to ").append(histories.get(0).target()).append(" versions\n\n");
            md.append("| | ").append(String.join(" | ", histories.stream().map(LongHistory::design).toList())).append(" |\n|---|")
                    .append("---|".repeat(histories.size())).append('\n');
            hrow(md, histories, "versions reached", h -> h.reached() + " of " + h.target());
            hrow(md, histories, "fill (untimed per save)", h -> h.fill().acks().size() + " acknowledged of " + h.fill().attempts()
                    + " in " + f(h.fill().seconds()) + " s (" + h.fill().how() + ")" + (h.fill().cut() ? ", cut by the time limit" : "")
                    + (h.fill().failures().isEmpty() ? "" : ", failures " + h.fill().failures()));
            hrow(md, histories, "saves at versions 2.." + (histories.get(0).window() + 1) + ": mean / p50 / p99 ms",
                    h -> f(meanMs(h.early())) + " / " + f(percentile(h.early(), 50)) + " / " + f(percentile(h.early(), 99)));
            hrow(md, histories, "last " + histories.get(0).window() + " saves (up to the top): mean / p50 / p99 ms",
                    h -> f(meanMs(h.late())) + " / " + f(percentile(h.late(), 50)) + " / " + f(percentile(h.late(), 99)));
            hrow(md, histories, "late/early: mean / p50", h -> ratio(meanMs(h.late()), meanMs(h.early())) + " / "
                    + ratio(percentile(h.late(), 50), percentile(h.early(), 50)));
            hrow(md, histories, "history, newest page (limit=50): p50 / p99 / max ms", h -> p3(h.firstPage()));
            hrow(md, histories, "history, oldest page (before=51): p50 / p99 / max ms", h -> p3(h.lastPage()));
            hrow(md, histories, "content of a random version K: p50 / p99 / max ms", h -> p3(h.versionReads()));
            hrow(md, histories, "point in time (at=T, T a random version's savedAt): file list / content p50 / p99 / max ms", h ->
                    h.listsAsOf().length == 0 ? "n/a" : p3(h.listsAsOf()) + "; " + p3(h.contentsAsOf()));
            hrow(md, histories, "read failure", h -> h.readFailure() == null ? "none" : h.readFailure());
            hrow(md, histories, "history check", h -> integrityLine(List.of(h.integrity())));
            hrow(md, histories, "GET /verify", h -> h.projectCheck() == null ? "n/a" : h.projectCheck());
            md.append("\nSaves are timed one at a time (one client, expectedVersion = last) at the start and at the end; ")
                    .append("the fill between is not timed per save. Reads: ").append(histories.get(0).firstPage().length)
                    .append(" of each kind after 5 unmeasured ones; the old design's reads are the equivalent SQL over JDBC, Velocity's are HTTP.\n");
        }

        if (!storages.isEmpty()) {
            md.append("\n## Storage: one file of ~").append(STORAGE_KIB).append(" KiB, 3 lines changed per save, one client\n\n");
            md.append("| | ").append(String.join(" | ", storages.stream().map(Storage::design).toList())).append(" | git (gc --aggressive) |\n|---|")
                    .append("---|".repeat(storages.size() + 1)).append('\n');
            srow(md, storages, git, "versions / commits", s -> String.valueOf(s.versions()),
                    g -> g.failure() == null ? String.valueOf(g.commits()) : "failed: " + g.failure());
            srow(md, storages, git, "MB added, live (after VACUUM FULL): sum of pg_total_relation_size (tables + TOAST + indexes) / pg_database_size",
                    s -> f(s.liveMb(0)) + " / " + f(s.liveMb(1)), g -> f(g.packBytes() / 1e6) + " (objects/pack)");
            srow(md, storages, git, "MB added, as written (before VACUUM FULL): relation sizes / pg_database_size",
                    s -> f(s.addedMb(0)) + " / " + f(s.addedMb(1)), g -> f(g.objectBytes() / 1e6) + " (all of .git/objects)");
            srow(md, storages, git, "ratio to git: live / as written (relation sizes)", s -> git == null || git.packBytes() == 0 ? "n/a"
                    : ratio(s.liveMb(0), git.packBytes() / 1e6) + " / " + ratio(s.addedMb(0), git.packBytes() / 1e6), g -> "1×");
            srow(md, storages, git, "save latency p50 / p99 ms; seconds", s -> f(percentile(s.latencies(), 50)) + " / "
                    + f(percentile(s.latencies(), 99)) + "; " + f(s.seconds()), g -> "import + gc " + f(g.seconds()) + " s");
            srow(md, storages, git, "history check", s -> s.failed() + " failed; " + integrityLine(List.of(s.integrity())), g -> "");
            md.append("\nThis section runs right after the warm-up. Bytes: VACUUM FULL + CHECKPOINT before the first save; after the last ")
                    .append("one (Velocity: after its read models caught up and 2 s more) a CHECKPOINT (\"as written\": includes row versions ")
                    .append("made dead by updates, which autovacuum later frees for reuse) and then VACUUM FULL + CHECKPOINT (\"live\"). ")
                    .append("They include the version 1 seed. git holds the same texts as commits ")
                    .append("(written with git fast-import, which stores exactly what `git add` + `git commit` would), packed by `git gc --aggressive`.\n");
        }
        md.append('\n');
        return md.toString();
    }

    static int STORAGE_KIB = 95;
    static boolean QUICK = false;

    static String cell(Result r, java.util.function.Function<Result, String> f) { return r == null ? "n/a" : f.apply(r); }

    static String p3(long[] sortedNanos) {
        return f(percentile(sortedNanos, 50)) + " / " + f(percentile(sortedNanos, 99)) + " / " + f(percentile(sortedNanos, 100));
    }

    static void hrow(StringBuilder md, List<LongHistory> hs, String label, java.util.function.Function<LongHistory, String> cell) {
        md.append("| ").append(label);
        for (LongHistory h : hs) md.append(" | ").append(cell.apply(h).replace("|", "\\|"));
        md.append(" |\n");
    }

    static void srow(StringBuilder md, List<Storage> ss, GitStorage git, String label,
                     java.util.function.Function<Storage, String> cell, java.util.function.Function<GitStorage, String> gitCell) {
        md.append("| ").append(label);
        for (Storage s : ss) md.append(" | ").append(cell.apply(s).replace("|", "\\|"));
        md.append(" | ").append(git == null ? "not measured" : gitCell.apply(git).replace("|", "\\|")).append(" |\n");
    }

    // ---------------------------------------------------------------- the targets of issue 8

    static Result find(List<Result[]> pairs, String key, int design) {
        for (Result[] p : pairs) {
            Result any = p[0] != null ? p[0] : p[1];
            if (any.workload().key().equals(key)) return p[design];
        }
        return null;
    }

    static LongHistory history(List<LongHistory> hs, boolean velocity) {
        for (LongHistory h : hs) if (h.design().startsWith(velocity ? "new" : "old")) return h;
        return null;
    }

    static Storage storageOf(List<Storage> ss, boolean velocity) {
        for (Storage s : ss) if (s.design().startsWith(velocity ? "new" : "old")) return s;
        return null;
    }

    static void target(StringBuilder md, String what, String old, String velocity, String ratio, String target, Boolean met) {
        md.append("| ").append(what).append(" | ").append(old).append(" | ").append(velocity).append(" | ").append(ratio)
                .append(" | ").append(target).append(" | ").append(met == null ? "n/a" : met ? "yes" : "**no**").append(" |\n");
    }

    static Boolean atMost(double value, double limit) { return Double.isNaN(value) ? null : value <= limit; }

    static void targets(StringBuilder md, List<Result[]> pairs, List<LongHistory> histories, List<Storage> storages, GitStorage git) {
        md.append("## Targets of issue 8\n\n");
        if (QUICK) md.append("**Quick run:** too few saves and reads to judge any target (a p99 of 50 reads is their maximum); ")
                .append("it shows that every section runs. Judge targets from a default run.\n\n");
        md.append("| target | old | Velocity | Velocity/old | target | met? |\n|---|---|---|---|---|---|\n");
        for (String key : List.of("distinct8", "distinct32", "rewrite8")) {
            Result o = find(pairs, key, 0), n = find(pairs, key, 1);
            if (o == null && n == null) continue;
            String title = (o != null ? o : n).workload().title();
            target(md, "1. " + title + ": acknowledged saves/s", cell(o, r -> f(r.savesPerSecond())), cell(n, r -> f(r.savesPerSecond())),
                    o == null || n == null ? "n/a" : ratio(n.savesPerSecond(), o.savesPerSecond()), "report", null);
            target(md, "1. " + title + ": latency p50 / p95 / p99 ms",
                    cell(o, r -> f(r.percentileMs(50)) + " / " + f(r.percentileMs(95)) + " / " + f(r.percentileMs(99))),
                    cell(n, r -> f(r.percentileMs(50)) + " / " + f(r.percentileMs(95)) + " / " + f(r.percentileMs(99))),
                    o == null || n == null ? "n/a" : "p99 " + ratio(n.percentileMs(99), o.percentileMs(99)),
                    key.equals("distinct32") ? "Velocity p99 ≤ 50 ms" : "report",
                    key.equals("distinct32") && n != null ? atMost(n.percentileMs(99), 50) : null);
            target(md, "1. " + title + ": CPU ms per save (PostgreSQL; new: + service)", cell(o, r -> f(cpuPerSave(r))),
                    cell(n, r -> f(cpuPerSave(r))), o == null || n == null ? "n/a" : ratio(cpuPerSave(n), cpuPerSave(o)), "report", null);
        }
        Result lo = find(pairs, "lww", 0), ln = find(pairs, "lww", 1);
        if (lo != null || ln != null) {
            target(md, "2. 8 clients, one file, expectedVersion null: failed saves; history problems",
                    cell(lo, r -> f(r.failedPercent()) + " %; " + problems(r)), cell(ln, r -> f(r.failedPercent()) + " %; " + problems(r)),
                    "n/a", "Velocity 0 %; 0", ln == null ? null : ln.failed() == 0 && problems(ln) == 0);
            target(md, "2. same: acknowledged saves/s; p99 ms", cell(lo, r -> f(r.savesPerSecond()) + "; " + f(r.percentileMs(99))),
                    cell(ln, r -> f(r.savesPerSecond()) + "; " + f(r.percentileMs(99))),
                    lo == null || ln == null ? "n/a" : ratio(ln.savesPerSecond(), lo.savesPerSecond()), "report", null);
        }
        Result co = find(pairs, "contention", 0), cn = find(pairs, "contention", 1);
        if (co != null || cn != null) {
            target(md, "3. 8 clients, one file, expectedVersion: acknowledged saves/s; rejected %; history problems",
                    cell(co, r -> f(r.savesPerSecond()) + "; " + f(r.failedPercent()) + " %; " + problems(r)),
                    cell(cn, r -> f(r.savesPerSecond()) + "; " + f(r.failedPercent()) + " %; " + problems(r)),
                    co == null || cn == null ? "n/a" : ratio(cn.savesPerSecond(), co.savesPerSecond()), "0 history problems",
                    cn == null ? null : problems(cn) == 0);
        }
        Result ro = find(pairs, "rejected", 0), rn = find(pairs, "rejected", 1);
        Result ao = find(pairs, "distinct8", 0), an = find(pairs, "distinct8", 1);
        if (ro != null || rn != null) {
            java.util.function.Function<Result, String> perAttempt = r -> f(cpuSeconds(r) * 1000 / r.attempted());
            target(md, "3. CPU ms per rejected save (all-stale phase) vs per accepted save (8 clients, 8 files)",
                    cell(ro, perAttempt) + " vs " + cell(ao, r -> f(cpuPerSave(r))),
                    cell(rn, perAttempt) + " vs " + cell(an, r -> f(cpuPerSave(r))),
                    rn == null || an == null ? "n/a" : "rejected/accepted (Velocity) "
                            + ratio(cpuSeconds(rn) / rn.attempted(), cpuSeconds(an) / an.acknowledged()), "report", null);
        }
        Result lag = find(pairs, "lag32", 1);
        if (lag != null && lag.lagNanos() != null) {
            target(md, "4. projection lag under 32 clients, 32 files: p50 / p99 ms", "n/a (reads its own writes)",
                    f(percentile(lag.lagNanos(), 50)) + " / " + f(percentile(lag.lagNanos(), 99)) + " (" + lag.lagNanos().length
                            + " probes, " + lag.lagSkipped() + " samples skipped, " + lag.lagNotVisible() + " not 200)",
                    "n/a", "p99 ≤ 250 ms", lag.lagNanos().length == 0 ? null
                            : atMost(percentile(lag.lagNanos(), 99), 250) && lag.lagNotVisible() == 0);
        }
        LongHistory ho = history(histories, false), hn = history(histories, true);
        if (ho != null || hn != null) {
            LongHistory any = hn != null ? hn : ho;
            java.util.function.Function<LongHistory, String> lateEarly = h -> h == null ? "n/a" : "p50 " + f(percentile(h.early(), 50))
                    + " → " + f(percentile(h.late(), 50)) + " ms (" + ratio(percentile(h.late(), 50), percentile(h.early(), 50))
                    + "), mean " + ratio(meanMs(h.late()), meanMs(h.early()));
            target(md, "5. long history (" + any.target() + " versions): versions reached",
                    ho == null ? "n/a" : String.valueOf(ho.reached()), hn == null ? "n/a" : String.valueOf(hn.reached()), "n/a",
                    "= " + any.target(), hn == null ? null : hn.reached() >= hn.target());
            target(md, "5. save latency, last " + any.window() + " vs first " + any.window() + " versions",
                    lateEarly.apply(ho), lateEarly.apply(hn), "n/a", "p50 late/early ≤ 1.2×",
                    hn == null ? null : atMost(percentile(hn.late(), 50) / percentile(hn.early(), 50), 1.2));
            String[] labels = {"history, newest page (limit=50)", "history, oldest page (before=51)", "content of random version K"};
            for (int k = 0; k < 3; k++) {
                final int which = k;
                java.util.function.Function<LongHistory, long[]> pick = h -> which == 0 ? h.firstPage() : which == 1 ? h.lastPage() : h.versionReads();
                target(md, "5. " + labels[k] + ": p50 / p99 / max ms", ho == null ? "n/a" : p3(pick.apply(ho)),
                        hn == null ? "n/a" : p3(pick.apply(hn)),
                        ho == null || hn == null ? "n/a" : "p99 " + ratio(percentile(pick.apply(hn), 99), percentile(pick.apply(ho), 99)),
                        "Velocity p99 ≤ 20 ms", hn == null || hn.readFailure() != null ? (hn == null ? null : false)
                                : atMost(percentile(pick.apply(hn), 99), 20));
            }
        }
        if (hn != null && hn.listsAsOf().length > 0) {
            target(md, "9. point in time in a " + hn.reached() + "-event project: list / content p50 / p99 / max ms", "n/a",
                    p3(hn.listsAsOf()) + "; " + p3(hn.contentsAsOf()), "n/a", "Velocity ≤ 50 ms (issue 9)",
                    atMost(Math.max(percentile(hn.listsAsOf(), 99), percentile(hn.contentsAsOf(), 99)), 50));
        }
        Result bo = find(pairs, "big8", 0), bn = find(pairs, "big8", 1);
        if (bo != null || bn != null) {
            target(md, "6. 100 KiB files, 8 clients, 8 files: p99 ms", cell(bo, r -> f(r.percentileMs(99))), cell(bn, r -> f(r.percentileMs(99))),
                    bo == null || bn == null ? "n/a" : ratio(bn.percentileMs(99), bo.percentileMs(99)), "Velocity p99 ≤ 200 ms",
                    bn == null ? null : atMost(bn.percentileMs(99), 200));
        }
        Storage so = storageOf(storages, false), sn = storageOf(storages, true);
        if (so != null || sn != null) {
            double gitMb = git == null || git.failure() != null ? Double.NaN : git.packBytes() / 1e6;
            java.util.function.Function<Storage, String> mb = s -> s == null ? "n/a" : f(s.liveMb(0)) + " MB live, "
                    + ratio(s.liveMb(0), gitMb) + " git's " + f(gitMb) + " MB (as written " + f(s.addedMb(0)) + " MB, "
                    + ratio(s.addedMb(0), gitMb) + ")";
            target(md, "7. storage, " + (sn != null ? sn : so).versions() + " versions of ~" + STORAGE_KIB + " KiB: MB added (vs git)",
                    mb.apply(so), mb.apply(sn), so == null || sn == null ? "n/a" : ratio(sn.liveMb(0), so.liveMb(0)),
                    "Velocity live ≤ 5× git", sn == null ? null : atMost(sn.liveMb(0) / gitMb, 5));
        }
        md.append("\n\"report\": the issue asks for the figure, without a threshold. Each row comes from the workload or section of the ")
                .append("same name below.\n\n");
    }

    static void row(StringBuilder md, String label, Result[] p, java.util.function.Function<Result, String> cell) {
        md.append("| ").append(label).append(" | ").append(p[0] == null ? "n/a" : cell.apply(p[0]).replace("|", "\\|"))
                .append(" | ").append(p[1] == null ? "n/a" : cell.apply(p[1]).replace("|", "\\|")).append(" |\n");
    }

    // ---------------------------------------------------------------- main

    static final List<String> SECTIONS = List.of("contention", "lww", "distinct", "rejected", "lag", "big", "history", "storage");

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = new LinkedHashMap<>();
        Map<String, String> meta = new LinkedHashMap<>();
        for (String a : args) {
            int eq = a.indexOf('=');
            if (eq < 0) throw new IllegalArgumentException("expected key=value, got " + a);
            String k = a.substring(0, eq), v = a.substring(eq + 1);
            if (k.startsWith("meta.")) meta.put(k.substring(5), v); else opts.put(k, v);
        }
        int saves = Integer.parseInt(opts.getOrDefault("saves", "200"));
        int bytes = Integer.parseInt(opts.getOrDefault("contentBytes", "10240"));
        int bigBytes = Integer.parseInt(opts.getOrDefault("bigBytes", "102400"));
        int warmup = Integer.parseInt(opts.getOrDefault("warmupSaves", "25"));
        int historyVersions = Integer.parseInt(opts.getOrDefault("historyVersions", "10000"));
        int historyBytes = Integer.parseInt(opts.getOrDefault("historyBytes", "4096"));
        int historyReads = Integer.parseInt(opts.getOrDefault("historyReads", "50"));
        Duration historyDeadline = Duration.ofSeconds(Long.parseLong(opts.getOrDefault("historyDeadlineSeconds", "240")));
        int storageSaves = Integer.parseInt(opts.getOrDefault("storageSaves", "1000"));
        int storageBytes = Integer.parseInt(opts.getOrDefault("storageBytes", "97280"));
        STORAGE_KIB = Math.round(storageBytes / 1024f);
        QUICK = "1".equals(opts.get("quick"));
        int lagEvery = Integer.parseInt(opts.getOrDefault("lagEvery", "4"));
        Duration deadline = Duration.ofSeconds(Long.parseLong(opts.getOrDefault("deadlineSeconds", "40")));
        String only = opts.getOrDefault("only", "").strip();
        java.util.Set<String> sections = new java.util.LinkedHashSet<>(only.isEmpty() ? SECTIONS : List.of(only.split("\\s*,\\s*")));
        for (String s : sections) if (!SECTIONS.contains(s)) throw new IllegalArgumentException("unknown section " + s + "; known: " + SECTIONS);
        String api = opts.get("api");
        long servicePid = Long.parseLong(opts.getOrDefault("servicePid", "0"));
        CpuMeter cpu = new CpuMeter(Long.parseLong(opts.getOrDefault("pgPid", "0")), servicePid,
                Double.parseDouble(opts.getOrDefault("clockTicks", "100")));
        meta.put("sections", String.join(", ", sections) + (only.isEmpty() ? " (all)" : " (BENCH_ONLY)"));

        // section -> workloads; saves per client, each workload and design cut at the deadline
        Map<String, List<Workload>> plan = new LinkedHashMap<>();
        plan.put("contention", List.of(new Workload("contention", "8 clients, one file, expectedVersion = last seen", 8, true,
                Content.RANDOM, bytes, Expect.LAST_SEEN, saves, deadline, false, 0)));
        plan.put("lww", List.of(new Workload("lww", "8 clients, one file, expectedVersion null (last writer wins)", 8, true,
                Content.RANDOM, bytes, Expect.NULL, saves, deadline, false, 0)));
        plan.put("distinct", List.of(
                new Workload("distinct8", "8 clients, 8 files (autosave, edits), expectedVersion = last seen", 8, false,
                        Content.EDIT, bytes, Expect.LAST_SEEN, saves, deadline, false, 0),
                new Workload("distinct32", "32 clients, 32 files (autosave, edits), expectedVersion = last seen", 32, false,
                        Content.EDIT, bytes, Expect.LAST_SEEN, saves, deadline, false, 0),
                new Workload("rewrite8", "8 clients, 8 files, every save rewrites the whole file", 8, false,
                        Content.RANDOM, bytes, Expect.LAST_SEEN, saves, deadline, false, 0)));
        plan.put("rejected", List.of(new Workload("rejected", "8 clients, one file, stale expectedVersion (every save rejected)", 8, true,
                Content.RANDOM, bytes, Expect.STALE, Math.max(10, saves / 2), deadline, false, 0)));
        plan.put("lag", List.of(new Workload("lag32", "32 clients, 32 files (edits) with a projection-lag probe on every "
                + lagEvery + "th ack", 32, false, Content.EDIT, bytes, Expect.LAST_SEEN, Math.max(10, saves / 2), deadline, true, lagEvery)));
        plan.put("big", List.of(new Workload("big8", "8 clients, 8 files of 100 KiB (edits), expectedVersion = last seen", 8, false,
                Content.EDIT, bigBytes, Expect.LAST_SEEN, Math.max(10, saves / 2), deadline, false, 0)));

        try (OldDesign old = new OldDesign(opts.get("jdbc"), opts.get("dbUser"), opts.get("dbPassword"));
             NewDesign fresh = api == null ? null : new NewDesign(api, opts.get("velocityJdbc"), opts.get("dbUser"), opts.get("dbPassword"))) {
            List<Design> designs = new ArrayList<>();
            designs.add(old);
            if (fresh != null) designs.add(fresh);
            Workload warm = new Workload("warm-up", "warm-up", 8, false, Content.RANDOM, bytes, Expect.LAST_SEEN, warmup,
                    Duration.ofSeconds(Math.max(60, deadline.toSeconds())), false, 0);
            for (Design d : designs) {
                System.err.printf("warm-up %s: 8 clients x %d saves%n", d.name(), warmup);
                run(d, warm, cpu);
            }
            if (fresh != null) meta.put("service JIT compile queue after warm-up (jcmd Compiler.queue)", compilerQueue(servicePid));

            // Storage first: the databases hold only the warm-up, so VACUUM FULL is short and no dead space of other
            // workloads is there to be reused.
            List<Storage> storages = new ArrayList<>();
            GitStorage git = null;
            if (sections.contains("storage")) {
                for (Design d : designs) {
                    System.err.printf("storage (%d saves of ~%d KiB): %s ...%n", storageSaves, STORAGE_KIB, d.name());
                    Storage s = storage(d, storageSaves, storageBytes);
                    storages.add(s);
                    System.err.printf("  %.1f MB added in %.1f s%n", s.addedMb(0), s.seconds());
                }
                System.err.println("storage: git ...");
                git = gitStorage(storageSaves, storageBytes);
                System.err.printf("  %.1f MB packed%s%n", git.packBytes() / 1e6, git.failure() == null ? "" : " (" + git.failure() + ")");
            }
            List<Result[]> pairs = new ArrayList<>();
            for (var e : plan.entrySet()) {
                if (!sections.contains(e.getKey())) continue;
                for (Workload w : e.getValue()) {
                    Result[] pair = new Result[2];
                    for (int i = 0; i < designs.size(); i++) {
                        if (w.newOnly() && !(designs.get(i) instanceof NewDesign)) continue;
                        System.err.printf("%s: %s ...%n", w.title(), designs.get(i).name());
                        Result r = run(designs.get(i), w, cpu);
                        pair[designs.get(i) instanceof NewDesign ? 1 : 0] = r;
                        System.err.printf("  %d acknowledged of %d in %.1f s, failures %s%n", r.acknowledged(),
                                r.attempted(), r.seconds(), failureKinds(r));
                    }
                    if (pair[0] != null || pair[1] != null) pairs.add(pair);
                }
            }
            List<LongHistory> histories = new ArrayList<>();
            if (sections.contains("history")) {
                for (Design d : designs) {
                    System.err.printf("long history (%d versions): %s ...%n", historyVersions, d.name());
                    LongHistory h = longHistory(d, historyVersions, historyBytes, historyDeadline, historyReads);
                    histories.add(h);
                    System.err.printf("  reached %d, fill %.1f s%n", h.reached(), h.fill().seconds());
                }
            }
            String md = report(meta, pairs, histories, storages, git,
                    api == null ? opts.getOrDefault("newSkippedBecause", "no api= given") : null);
            if (opts.containsKey("report")) Files.writeString(Path.of(opts.get("report")), md);
            System.out.print(md);
        }
    }

    // ---------------------------------------------------------------- a small JSON reader

    static final class Json {
        private final String s;
        private int i;

        private Json(String s) { this.s = s; }

        static Object parse(String text) {
            Json j = new Json(text);
            Object v = j.value();
            j.ws();
            if (j.i != j.s.length()) throw new IllegalArgumentException("trailing data at " + j.i);
            return v;
        }

        static String quote(String v) {
            StringBuilder sb = new StringBuilder(v.length() + 16).append('"');
            for (int k = 0; k < v.length(); k++) {
                char c = v.charAt(k);
                switch (c) {
                    case '"' -> sb.append("\\\"");
                    case '\\' -> sb.append("\\\\");
                    case '\n' -> sb.append("\\n");
                    case '\r' -> sb.append("\\r");
                    case '\t' -> sb.append("\\t");
                    default -> {
                        if (c < 0x20) sb.append(String.format("\\u%04x", (int) c)); else sb.append(c);
                    }
                }
            }
            return sb.append('"').toString();
        }

        private void ws() { while (i < s.length() && Character.isWhitespace(s.charAt(i))) i++; }

        private Object value() {
            ws();
            if (i >= s.length()) throw new IllegalArgumentException("unexpected end");
            char c = s.charAt(i);
            if (c == '{') {
                Map<String, Object> m = new LinkedHashMap<>();
                i++; ws();
                if (s.charAt(i) == '}') { i++; return m; }
                while (true) {
                    ws();
                    String k = string();
                    ws(); expect(':');
                    m.put(k, value());
                    ws();
                    if (s.charAt(i) == ',') { i++; continue; }
                    expect('}');
                    return m;
                }
            }
            if (c == '[') {
                List<Object> l = new ArrayList<>();
                i++; ws();
                if (s.charAt(i) == ']') { i++; return l; }
                while (true) {
                    l.add(value());
                    ws();
                    if (s.charAt(i) == ',') { i++; continue; }
                    expect(']');
                    return l;
                }
            }
            if (c == '"') return string();
            if (s.startsWith("true", i)) { i += 4; return Boolean.TRUE; }
            if (s.startsWith("false", i)) { i += 5; return Boolean.FALSE; }
            if (s.startsWith("null", i)) { i += 4; return null; }
            int start = i;
            while (i < s.length() && "+-0123456789.eE".indexOf(s.charAt(i)) >= 0) i++;
            String num = s.substring(start, i);
            if (num.isEmpty()) throw new IllegalArgumentException("unexpected '" + c + "' at " + start);
            if (num.contains(".") || num.contains("e") || num.contains("E")) return Double.parseDouble(num);
            return Long.parseLong(num);
        }

        private void expect(char c) {
            if (i >= s.length() || s.charAt(i) != c) throw new IllegalArgumentException("expected '" + c + "' at " + i);
            i++;
        }

        private String string() {
            expect('"');
            StringBuilder sb = new StringBuilder();
            while (true) {
                char c = s.charAt(i++);
                if (c == '"') return sb.toString();
                if (c != '\\') { sb.append(c); continue; }
                char e = s.charAt(i++);
                switch (e) {
                    case 'n' -> sb.append('\n');
                    case 'r' -> sb.append('\r');
                    case 't' -> sb.append('\t');
                    case 'b' -> sb.append('\b');
                    case 'f' -> sb.append('\f');
                    case 'u' -> { sb.append((char) Integer.parseInt(s.substring(i, i + 4), 16)); i += 4; }
                    default -> sb.append(e);
                }
            }
        }
    }
}
