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
        @Override default void close() throws Exception {}
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

        @Override public void close() throws SQLException { admin.close(); }
    }

    // ---------------------------------------------------------------- new design (HTTP API)

    static final class NewDesign implements Design {
        private final String api;
        private final HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        private final Map<String, String> tokens = new java.util.concurrent.ConcurrentHashMap<>();

        NewDesign(String api) { this.api = api.replaceAll("/+$", ""); }

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

    record Workload(String title, boolean sharedFile, boolean withExpectedVersion) {}

    record Result(Workload workload, String design, int clients, int attempted, int acknowledged, int unchanged,
                  Map<String, Integer> failures, double seconds, long[] ackNanos, long[] failNanos, boolean cutByDeadline,
                  List<Integrity> integrity, String projectCheck, double pgCpuSeconds, double serviceCpuSeconds) {
        double savesPerSecond() { return acknowledged / seconds; }
        int failed() { return failures.values().stream().mapToInt(Integer::intValue).sum(); }
        double failedPercent() { return attempted == 0 ? 0 : 100.0 * failed() / attempted; }
        double percentileMs(double p) { return percentile(ackNanos, p); }
        double failedPercentileMs(double p) { return percentile(failNanos, p); }
        private static double percentile(long[] sortedNanos, double p) {
            if (sortedNanos.length == 0) return Double.NaN;
            int rank = (int) Math.ceil(p / 100.0 * sortedNanos.length);
            return sortedNanos[Math.max(0, Math.min(sortedNanos.length - 1, rank - 1))] / 1e6;
        }
    }

    static Result run(Design design, Workload w, int clients, int saves, int contentBytes, Duration deadline,
                      CpuMeter cpu) throws Exception {
        String project = design.newProject("bench " + w.title());
        List<String> paths = new ArrayList<>();
        for (int c = 0; c < (w.sharedFile() ? 1 : clients); c++) {
            String path = w.sharedFile() ? "src/shared.js" : "src/client-" + c + ".js";
            design.seed(project, path, content(-1, c, contentBytes));
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

        for (int c = 0; c < clients; c++) {
            final int id = c;
            final Client client = sessions.get(c);
            final String path = paths.get(w.sharedFile() ? 0 : c);
            Thread t = new Thread(() -> {
                Integer lastSeen = 1;
                ready.countDown();
                try { go.await(); } catch (InterruptedException e) { return; }
                long stopAt = startHolder[0] + deadline.toNanos();
                for (int i = 0; i < saves; i++) {
                    if (System.nanoTime() > stopAt) { cut[id] = true; break; }
                    String text = content(i, id, contentBytes);
                    Outcome o = client.save(project, path, text, w.withExpectedVersion() ? lastSeen : null);
                    outcomes.add(o);
                    if (o.kind() != Kind.FAILED) {
                        lastSeen = o.version();
                        if (o.kind() == Kind.ACKNOWLEDGED) acks.get(path).add(new Ack(o.version(), sha256(text)));
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
            design.awaitSettled(project, p, acks.get(p).stream().mapToInt(Ack::version).max().orElse(1));
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
        long[] sorted = ackNanos.stream().mapToLong(Long::longValue).sorted().toArray();
        long[] failedSorted = failNanos.stream().mapToLong(Long::longValue).sorted().toArray();
        List<Integrity> integrity = new ArrayList<>();
        for (String p : paths) integrity.add(design.check(project, p, 1, new ArrayList<>(acks.get(p))));
        boolean anyCut = false;
        for (boolean b : cut) anyCut |= b;
        return new Result(w, design.name(), clients, outcomes.size(), acknowledged, unchanged, failures, seconds,
                sorted, failedSorted, anyCut, integrity, design.projectCheck(project),
                cpuAfter[0] - cpuBefore[0], design.usesService() ? cpuAfter[1] - cpuBefore[1] : Double.NaN);
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

    static String integrityLine(Result r) {
        int stored = 0, gaps = 0, dup = 0, missing = 0, twice = 0, unack = 0, filesNotOneCurrent = 0, maxMarkers = 0;
        List<String> notes = new ArrayList<>();
        for (Integrity i : r.integrity()) {
            stored += i.storedVersions(); gaps += i.gaps(); dup += i.duplicateVersions();
            missing += i.acknowledgedButMissing(); twice += i.acknowledgedTwice(); unack += i.storedButNotAcknowledged();
            if (i.currentMarkers() != 1) filesNotOneCurrent++;
            maxMarkers = Math.max(maxMarkers, i.currentMarkers());
            if (i.note() != null) notes.add(i.note());
        }
        String s = "stored versions " + stored + ", gaps " + gaps + ", duplicate versions " + dup
                + ", acknowledged but not stored " + missing + ", same version acknowledged twice " + twice
                + ", stored but never acknowledged " + unack
                + ", files without exactly one current marker " + filesNotOneCurrent + "/" + r.integrity().size();
        return notes.isEmpty() ? s : s + "; " + String.join("; ", notes);
    }

    static String report(Map<String, String> meta, List<Result[]> pairs, int clients, int saves, int bytes,
                         String newDesignNote) {
        StringBuilder md = new StringBuilder();
        md.append("# Velocity benchmark: ").append(meta.getOrDefault("date", Instant.now().toString())).append("\n\n");
        md.append("Old design (`atomic_upsert_project_file`, one row per version) against Velocity, ")
                .append("same PostgreSQL instance, same run, same contents. ")
                .append(clients).append(" client threads, up to ").append(saves)
                .append(" saves each, ").append(bytes).append(" bytes of content per save.\n\n");
        if (!meta.isEmpty()) {
            md.append("| setting | value |\n|---|---|\n");
            meta.forEach((k, v) -> { if (!k.equals("date")) md.append("| ").append(k).append(" | ").append(v).append(" |\n"); });
            md.append('\n');
        }
        if (newDesignNote != null) md.append("**New design not measured:** ").append(newDesignNote).append("\n\n");

        md.append("## Summary (ratios are new/old)\n\n");
        md.append("| workload | old saves/s | new saves/s | saves/s new/old | old failed | new failed | old p50 ms | new p50 ms | old p95 ms | new p95 ms | p95 new/old | CPU ms per save old / new | history problems old / new |\n");
        md.append("|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (Result[] p : pairs) {
            Result o = p[0], n = p[1];
            md.append("| ").append(o.workload().title())
                    .append(" | ").append(f(o.savesPerSecond()))
                    .append(" | ").append(n == null ? "n/a" : f(n.savesPerSecond()))
                    .append(" | ").append(n == null ? "n/a" : ratio(n.savesPerSecond(), o.savesPerSecond()))
                    .append(" | ").append(f(o.failedPercent())).append(" %")
                    .append(" | ").append(n == null ? "n/a" : f(n.failedPercent()) + " %")
                    .append(" | ").append(f(o.percentileMs(50)))
                    .append(" | ").append(n == null ? "n/a" : f(n.percentileMs(50)))
                    .append(" | ").append(f(o.percentileMs(95)))
                    .append(" | ").append(n == null ? "n/a" : f(n.percentileMs(95)))
                    .append(" | ").append(n == null ? "n/a" : ratio(n.percentileMs(95), o.percentileMs(95)))
                    .append(" | ").append(f(cpuPerSave(o))).append(" / ").append(n == null ? "n/a" : f(cpuPerSave(n)))
                    .append(" | ").append(problems(o)).append(" / ").append(n == null ? "n/a" : String.valueOf(problems(n)))
                    .append(" |\n");
        }
        md.append("\nsaves/s counts acknowledged saves only (a rejected save saved nothing); latencies are those of acknowledged saves. ")
                .append("History problems: gaps + duplicate versions + acknowledged saves not stored or announced twice + ")
                .append("versions stored but never acknowledged + files without exactly one current version (want 0). ")
                .append("CPU ms per save: CPU time of PostgreSQL (old) or of PostgreSQL and the service (new) during the ")
                .append("workload, until the read models caught up, divided by the acknowledged saves; the clients are not counted.\n");

        for (Result[] p : pairs) {
            md.append("\n## ").append(p[0].workload().title()).append("\n\n");
            md.append("| | ").append(p[0].design()).append(" | ").append(p[1] == null ? "new (not measured)" : p[1].design()).append(" |\n|---|---|---|\n");
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
        md.append('\n');
        return md.toString();
    }

    static void row(StringBuilder md, String label, Result[] p, java.util.function.Function<Result, String> cell) {
        md.append("| ").append(label).append(" | ").append(cell.apply(p[0]).replace("|", "\\|"))
                .append(" | ").append(p[1] == null ? "n/a" : cell.apply(p[1]).replace("|", "\\|")).append(" |\n");
    }

    // ---------------------------------------------------------------- main

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = new LinkedHashMap<>();
        Map<String, String> meta = new LinkedHashMap<>();
        for (String a : args) {
            int eq = a.indexOf('=');
            if (eq < 0) throw new IllegalArgumentException("expected key=value, got " + a);
            String k = a.substring(0, eq), v = a.substring(eq + 1);
            if (k.startsWith("meta.")) meta.put(k.substring(5), v); else opts.put(k, v);
        }
        int clients = Integer.parseInt(opts.getOrDefault("clients", "8"));
        int saves = Integer.parseInt(opts.getOrDefault("saves", "200"));
        int bytes = Integer.parseInt(opts.getOrDefault("contentBytes", "10240"));
        int warmup = Integer.parseInt(opts.getOrDefault("warmupSaves", "25"));
        Duration deadline = Duration.ofSeconds(Long.parseLong(opts.getOrDefault("deadlineSeconds", "40")));
        String api = opts.get("api");
        CpuMeter cpu = new CpuMeter(Long.parseLong(opts.getOrDefault("pgPid", "0")),
                Long.parseLong(opts.getOrDefault("servicePid", "0")),
                Double.parseDouble(opts.getOrDefault("clockTicks", "100")));

        List<Workload> workloads = List.of(
                new Workload("8 clients, one file, expectedVersion = last seen", true, true),
                new Workload("8 clients, one file, expectedVersion null (last writer wins)", true, false),
                new Workload("8 clients, 8 files (autosave), expectedVersion = last seen", false, true));

        try (OldDesign old = new OldDesign(opts.get("jdbc"), opts.get("dbUser"), opts.get("dbPassword"));
             NewDesign fresh = api == null ? null : new NewDesign(api)) {
            List<Design> designs = new ArrayList<>();
            designs.add(old);
            if (fresh != null) designs.add(fresh);
            for (Design d : designs) {
                System.err.printf("warm-up %s: %d clients x %d saves%n", d.name(), clients, warmup);
                run(d, new Workload("warm-up", false, true), clients, warmup, bytes, deadline, cpu);
            }
            List<Result[]> pairs = new ArrayList<>();
            for (Workload w : workloads) {
                Result[] pair = new Result[2];
                for (int i = 0; i < designs.size(); i++) {
                    System.err.printf("%s: %s ...%n", w.title(), designs.get(i).name());
                    pair[i] = run(designs.get(i), w, clients, saves, bytes, deadline, cpu);
                    System.err.printf("  %d acknowledged of %d in %.1f s, failures %s%n", pair[i].acknowledged(),
                            pair[i].attempted(), pair[i].seconds(), failureKinds(pair[i]));
                }
                pairs.add(pair);
            }
            String md = report(meta, pairs, clients, saves, bytes,
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
