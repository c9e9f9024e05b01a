import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Crash test for issue #7: no acknowledged save may be lost when the process dies.
 *
 * Starts the real launcher jar (embedded PostgreSQL) on a fresh data folder, drives a steady save load from
 * several clients (each its own file, expectedVersion = its last acknowledged version), then
 *   round 1: SIGKILLs the JVM and every PostgreSQL process at once, restarts, and checks;
 *   round 2: goes on saving, SIGKILLs the JVM alone (PostgreSQL is left running), restarts, and checks
 * that every acknowledged save is in the history with its content hash, that versions are 1..N without a gap,
 * that the content read back hashes to what was acknowledged, and that the read models caught up with every
 * event applied exactly once (GET .../verify answers ok: they equal a fresh replay of the event store).
 *
 * Usage: java scripts/CrashTest.java launcher/target/velocity.jar
 * Env: CRASH_JAVA_OPTS (-XX:TieredStopAtLevel=1), CRASH_CLIENTS (16), CRASH_LOAD_SECONDS (8), CRASH_TIMEOUT_SECONDS (240), CRASH_KEEP (keep logs and data
 * after a pass; a failure always keeps them). Only 127.0.0.1 is used.
 */
public class CrashTest {

    static final int CLIENTS = Integer.parseInt(env("CRASH_CLIENTS", "16"));
    static final int LOAD_SECONDS = Integer.parseInt(env("CRASH_LOAD_SECONDS", "8"));
    static final int TIMEOUT_SECONDS = Integer.parseInt(env("CRASH_TIMEOUT_SECONDS", "240"));
    static final String DURABLE_LOG = "Database durability: {fsync=on, synchronous_commit=on, full_page_writes=on}";

    static final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();

    final Path jar;
    final Path work;
    final Path dataDir;
    final int port;
    final String base;
    Process launcher;
    int starts;
    String projectId;
    String token;
    final List<String> failures = new ArrayList<>();
    final List<String> summary = new ArrayList<>();
    /** Per client: acknowledged version -> content. */
    final List<Map<Integer, String>> acked = new ArrayList<>();
    /** Per client: the version its next save expects. */
    final int[] expected = new int[CLIENTS];

    CrashTest(Path jar) throws IOException {
        this.jar = jar;
        this.work = Files.createTempDirectory("velocity-crash-test");
        this.dataDir = work.resolve("data");
        this.port = freePort();
        this.base = "http://127.0.0.1:" + port;
        for (int i = 0; i < CLIENTS; i++) {
            acked.add(new ConcurrentHashMap<>());
        }
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 1 || !Files.isRegularFile(Path.of(args[0]))) {
            System.err.println("usage: java CrashTest.java path/to/velocity.jar");
            System.exit(2);
        }
        CrashTest test = new CrashTest(Path.of(args[0]).toAbsolutePath());
        Thread watchdog = new Thread(() -> {
            try {
                Thread.sleep(TIMEOUT_SECONDS * 1000L);
            } catch (InterruptedException e) {
                return;
            }
            System.out.println("CRASH TEST FAIL: did not finish within " + TIMEOUT_SECONDS + " s; work dir " + test.work);
            test.killEverything();
            Runtime.getRuntime().halt(3);
        }, "watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
        boolean passed;
        try {
            passed = test.run();
        } catch (Exception e) {
            e.printStackTrace();
            test.failures.add("aborted: " + e);
            passed = false;
        } finally {
            test.stop();
        }
        System.out.println();
        System.out.println("=== Crash test summary (" + CLIENTS + " clients, " + LOAD_SECONDS + " s load per round) ===");
        test.summary.forEach(line -> System.out.println("  " + line));
        test.failures.stream().limit(30).forEach(line -> System.out.println("  FAILURE: " + line));
        if (test.failures.size() > 30) {
            System.out.println("  ... and " + (test.failures.size() - 30) + " more failures");
        }
        if (passed && test.failures.isEmpty()) {
            System.out.println("CRASH TEST PASS");
            if (System.getenv("CRASH_KEEP") == null) {
                deleteTree(test.work);
            } else {
                System.out.println("(logs and data kept in " + test.work + ")");
            }
            System.exit(0);
        }
        System.out.println("CRASH TEST FAIL (logs and data kept in " + test.work + ")");
        System.exit(1);
    }

    boolean run() throws Exception {
        start();
        if (!log(1).contains(DURABLE_LOG)) {
            failures.add("start-up log lacks '" + DURABLE_LOG + "'");
        }
        String info = get("/actuator/info", null).body();
        summary.add("GET /actuator/info: " + info);
        if (!info.contains("\"durable\":true")) {
            failures.add("/actuator/info does not say the database is durable");
        }
        createProject();

        load(1, this::killAll);
        verify("round 1 (SIGKILL JVM + all PostgreSQL processes)");

        load(2, this::killJvmOnly);
        verify("round 2 (SIGKILL JVM only, PostgreSQL left running)");
        return failures.isEmpty();
    }

    // ---- the launcher ------------------------------------------------------------------------------------

    void start() throws Exception {
        starts++;
        List<String> command = new ArrayList<>(List.of("java"));
        // C1 only starts the JVM faster on a busy machine; it changes nothing the database does.
        command.addAll(List.of(env("CRASH_JAVA_OPTS", "-XX:TieredStopAtLevel=1").split("\\s+")));
        command.addAll(List.of("-jar", jar.toString()));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(work.resolve("launcher-" + starts + ".log").toFile());
        Map<String, String> environment = builder.environment();
        environment.keySet().removeIf(key -> key.startsWith("SPRING_DATASOURCE"));
        environment.put("PORT", Integer.toString(port));
        environment.put("SERVER_ADDRESS", "127.0.0.1");
        environment.put("VELOCITY_DATA_DIR", dataDir.toString());
        environment.put("AXONIQ_UPDATE_CHECKER_DISABLED", "true");
        long began = System.nanoTime();
        launcher = builder.start();
        long deadline = began + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            if (!launcher.isAlive()) {
                throw new IllegalStateException("launcher exited with " + launcher.exitValue() + " during start " + starts);
            }
            try {
                HttpResponse<String> health = get("/actuator/health", null);
                if (health.statusCode() == 200 && health.body().contains("\"UP\"")) {
                    summary.add(String.format("start %d: ready in %.1f s (pid %d)", starts,
                            (System.nanoTime() - began) / 1e9, launcher.pid()));
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("launcher not ready within 120 s (start " + starts + ")");
    }

    long postmasterPid() throws IOException {
        return Long.parseLong(Files.readAllLines(dataDir.resolve("postgres/postmaster.pid")).get(0).trim());
    }

    interface Kill {
        void now() throws Exception;
    }

    interface KillPlan {
        /** Finds the processes to kill and returns what kills them, so that the kill itself is immediate. */
        Kill prepare() throws Exception;
    }

    Kill killAll() throws Exception {
        long postmaster = postmasterPid();
        ProcessHandle pm = ProcessHandle.of(postmaster).orElseThrow(() -> new IllegalStateException("no postmaster"));
        List<ProcessHandle> victims = new ArrayList<>();
        victims.add(launcher.toHandle());
        launcher.toHandle().descendants().forEach(victims::add);
        victims.add(pm);
        pm.descendants().forEach(victims::add);
        return () -> {
            // All at once, as a power cut of the process tree would: SIGKILL, no chance to flush.
            victims.forEach(ProcessHandle::destroyForcibly);
            for (ProcessHandle victim : victims) {
                victim.onExit().get(30, TimeUnit.SECONDS);
            }
            summary.add("round 1: SIGKILLed the JVM (pid " + launcher.pid() + "), the postmaster (pid " + postmaster
                    + ") and " + (victims.size() - 2) + " other processes");
        };
    }

    Kill killJvmOnly() throws Exception {
        long postmaster = postmasterPid();
        return () -> killJvm(postmaster);
    }

    void killJvm(long postmaster) throws Exception {
        launcher.toHandle().destroyForcibly();
        launcher.onExit().get(30, TimeUnit.SECONDS);
        boolean pgAlive = ProcessHandle.of(postmaster).map(ProcessHandle::isAlive).orElse(false);
        if (!pgAlive) {
            failures.add("round 2: PostgreSQL died with the JVM, so the JVM-only crash was not tested");
        }
        summary.add("round 2: SIGKILLed the JVM (pid " + launcher.pid() + "); PostgreSQL (pid " + postmaster + ") "
                + (pgAlive ? "left running" : "NOT running"));
    }

    void stop() {
        if (launcher != null && launcher.isAlive()) {
            launcher.destroy(); // SIGTERM: a clean shutdown stops the embedded PostgreSQL too
            try {
                launcher.onExit().get(60, TimeUnit.SECONDS);
            } catch (Exception e) {
                launcher.destroyForcibly();
            }
        }
        try {
            ProcessHandle.of(postmasterPid()).ifPresent(pm -> {
                pm.destroy();
                try {
                    pm.onExit().get(30, TimeUnit.SECONDS);
                } catch (Exception e) {
                    pm.descendants().forEach(ProcessHandle::destroyForcibly);
                    pm.destroyForcibly();
                }
            });
        } catch (IOException | RuntimeException e) {
            // no postmaster.pid: PostgreSQL stopped
        }
    }

    void killEverything() {
        if (launcher != null) {
            launcher.destroyForcibly();
        }
        try {
            ProcessHandle.of(postmasterPid()).ifPresent(pm -> {
                pm.descendants().forEach(ProcessHandle::destroyForcibly);
                pm.destroyForcibly();
            });
        } catch (IOException | RuntimeException e) {
            // nothing left
        }
    }

    String log(int start) throws IOException {
        return Files.readString(work.resolve("launcher-" + start + ".log"));
    }

    // ---- load ---------------------------------------------------------------------------------------------

    void createProject() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(base + "/api/projects"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"crash-test\",\"user\":\"crash\"}")));
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException("create project: " + response.statusCode() + " " + response.body());
        }
        projectId = field(response.body(), "projectId");
        token = field(response.body(), "token");
    }

    static String path(int client) {
        return "crash/c" + client + "/file.txt";
    }

    /**
     * Saves from every client for the round's load time, then kills the service right after the next
     * acknowledgement (when a commit acknowledged too early is most likely still unwritten) and returns while the
     * clients fail.
     */
    void load(int round, KillPlan plan) throws Exception {
        AtomicBoolean killing = new AtomicBoolean();
        AtomicBoolean armed = new AtomicBoolean();
        java.util.concurrent.CountDownLatch ackWhileArmed = new java.util.concurrent.CountDownLatch(1);
        AtomicInteger acks = new AtomicInteger();
        AtomicInteger conflicts = new AtomicInteger();
        AtomicInteger serverErrors = new AtomicInteger();
        List<Thread> clients = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            int client = c;
            Thread thread = new Thread(() -> {
                while (true) {
                    int version = expected[client];
                    // Small saves, as autosaves mostly are: the less WAL a save writes, the longer a commit can sit
                    // in PostgreSQL's WAL buffers unwritten when synchronous_commit is off, so a loss shows.
                    String content = "round " + round + " client " + client + " after v" + version + " nonce "
                            + Long.toHexString(System.nanoTime());
                    HttpResponse<String> response;
                    try {
                        response = save(client, version, content);
                    } catch (Exception e) {
                        return; // the service was killed (or is unreachable): no acknowledgement
                    }
                    int status = response.statusCode();
                    if (status == 200 || status == 201) {
                        int saved = Integer.parseInt(field(response.body(), "version"));
                        String hash = field(response.body(), "contentHash");
                        if (saved != version + 1 || !hash.equals(sha256(content))) {
                            synchronized (failures) {
                                failures.add(path(client) + ": save on v" + version + " acknowledged as v" + saved
                                        + " with hash " + hash);
                            }
                            return;
                        }
                        acked.get(client).put(saved, content);
                        expected[client] = saved;
                        acks.incrementAndGet();
                        if (armed.get()) {
                            ackWhileArmed.countDown();
                        }
                    } else if (status == 409) {
                        conflicts.incrementAndGet();
                        expected[client] = Integer.parseInt(field(response.body(), "currentVersion"));
                    } else {
                        serverErrors.incrementAndGet();
                        if (killing.get()) {
                            return;
                        }
                        sleep(200);
                    }
                }
            }, "client-" + c);
            thread.start();
            clients.add(thread);
        }
        Thread.sleep(LOAD_SECONDS * 1000L);
        Kill kill = plan.prepare();
        armed.set(true);
        ackWhileArmed.await(10, TimeUnit.SECONDS);
        killing.set(true);
        kill.now(); // the clients are still saving; they stop when their connections fail
        loadThreads = clients;
        loadReport = () -> {
            summary.add(String.format("round %d: %d saves acknowledged by %d clients in %d s up to the kill (%d conflicts, %d 5xx)",
                    round, acks.get(), CLIENTS, LOAD_SECONDS, conflicts.get(), serverErrors.get()));
            if (conflicts.get() > 0) {
                failures.add("round " + round + ": " + conflicts.get() + " conflicts, though each client owns its file");
            }
            return acks.get();
        };
    }

    /** After the clients have stopped: reports the round's load and returns its acknowledged saves. */
    java.util.function.IntSupplier loadReport;
    List<Thread> loadThreads = List.of();

    HttpResponse<String> save(int client, int expectedVersion, String content) throws Exception {
        String body = "{\"content\":\"" + content + "\",\"expectedVersion\":" + expectedVersion
                + ",\"fileType\":\"plaintext\"}";
        return send(HttpRequest.newBuilder(URI.create(base + "/api/projects/" + projectId + "/files?path=" + path(client)))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + token)
                .timeout(Duration.ofSeconds(30))
                .PUT(HttpRequest.BodyPublishers.ofString(body)));
    }

    // ---- verification -------------------------------------------------------------------------------------

    void verify(String round) throws Exception {
        for (Thread client : loadThreads) {
            client.join(60_000);
        }
        int savesThisRound = loadReport.getAsInt();
        // The read model catches up after the restart; a version that never comes was lost (or never projected).
        long readModelDeadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        start();
        int checked = 0;
        int contentReads = 0;
        int unacknowledgedButStored = 0;
        for (int c = 0; c < CLIENTS; c++) {
            Map<Integer, String> mine = acked.get(c);
            int lastAck = mine.keySet().stream().mapToInt(Integer::intValue).max().orElse(0);
            TreeMap<Integer, String> history = history(path(c), lastAck, readModelDeadline);
            int top = history.isEmpty() ? 0 : history.lastKey();
            if (top < lastAck) {
                failures.add(round + ": " + path(c) + " acknowledged v" + lastAck + " but stores only up to v" + top);
            }
            if (!history.isEmpty() && (history.firstKey() != 1 || history.size() != top)) {
                failures.add(round + ": " + path(c) + " versions are not 1.." + top + " without gaps: " + history.keySet());
            }
            for (Map.Entry<Integer, String> ack : mine.entrySet()) {
                String stored = history.get(ack.getKey());
                if (stored == null) {
                    failures.add(round + ": " + path(c) + " acknowledged v" + ack.getKey() + " is missing");
                } else if (!stored.equals(sha256(ack.getValue()))) {
                    failures.add(round + ": " + path(c) + " v" + ack.getKey() + " has hash " + stored
                            + ", acknowledged " + sha256(ack.getValue()));
                }
                checked++;
            }
            unacknowledgedButStored += Math.max(0, top - lastAck);
            // Read the content back for the last acknowledged version and every tenth one.
            for (int version : mine.keySet()) {
                if (version == lastAck || version % 10 == 0) {
                    HttpResponse<String> content = get("/api/projects/" + projectId + "/files/content?path=" + path(c)
                            + "&version=" + version, token);
                    contentReads++;
                    if (content.statusCode() != 200 || !mine.get(version).equals(field(content.body(), "content"))
                            || !sha256(mine.get(version)).equals(field(content.body(), "contentHash"))) {
                        failures.add(round + ": " + path(c) + " v" + version + " content does not read back: "
                                + content.statusCode());
                    }
                }
            }
            expected[c] = top; // an in-flight save may have been stored without its acknowledgement
        }
        verifyReadModels(round, readModelDeadline);
        summary.add(String.format("%s: after restart %d acknowledged saves checked (%d this round, %d content reads), "
                + "%d stored but unacknowledged in-flight saves", round, checked, savesThisRound, contentReads,
                unacknowledgedButStored));
    }

    /**
     * The read models after the restart hold every event exactly once: the verify route waits (bounded) until they
     * have caught up with the event store, then compares them with a fresh replay and checks every hash.
     */
    void verifyReadModels(String round, long deadline) throws Exception {
        HttpResponse<String> verification = get("/api/projects/" + projectId + "/verify", token);
        while (verification.statusCode() == 503 && System.nanoTime() < deadline) {
            sleep(500);
            verification = get("/api/projects/" + projectId + "/verify", token);
        }
        String body = verification.body();
        if (verification.statusCode() != 200 || !body.replace(" ", "").contains("\"ok\":true")) {
            failures.add(round + ": GET /verify did not answer ok: " + verification.statusCode() + " "
                    + body.substring(0, Math.min(body.length(), 500)));
        } else {
            summary.add(round + ": GET /verify ok (" + field(body, "files") + " files, " + field(body, "events")
                    + " events; read models equal a fresh replay)");
        }
    }

    /** version -> contentHash of every history entry of the file, once the read model shows minVersion. */
    TreeMap<Integer, String> history(String path, int minVersion, long deadline) throws Exception {
        TreeMap<Integer, String> versions = new TreeMap<>();
        String before = "";
        while (true) {
            HttpResponse<String> response = get("/api/projects/" + projectId + "/files/history?path=" + path
                    + "&limit=1000" + before + (minVersion > 0 ? "&minVersion=" + minVersion : ""), token);
            if (response.statusCode() == 503 && minVersion > 0) {
                if (System.nanoTime() < deadline) {
                    sleep(500);
                } else {
                    failures.add(path + ": the read model never reached acknowledged v" + minVersion);
                    minVersion = 0; // read what is there, to name what is missing
                }
                continue;
            }
            if (response.statusCode() == 404 && minVersion == 0) {
                return versions;
            }
            if (response.statusCode() != 200) {
                throw new IllegalStateException("history of " + path + ": " + response.statusCode() + " " + response.body());
            }
            Matcher entry = Pattern.compile("\\{[^{}]*\\}").matcher(response.body());
            while (entry.find()) {
                String json = entry.group();
                String previous = versions.put(Integer.parseInt(field(json, "version")), field(json, "contentHash"));
                if (previous != null) {
                    failures.add(path + ": version " + field(json, "version") + " appears twice in the history");
                }
            }
            String next = field(response.body(), "next");
            if (next == null) {
                return versions;
            }
            before = "&before=" + next;
        }
    }

    // ---- helpers ------------------------------------------------------------------------------------------

    HttpResponse<String> get(String pathAndQuery, String bearer) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + pathAndQuery)).timeout(Duration.ofSeconds(30));
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return send(request.GET());
    }

    static HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** A top-level string or number field of a flat JSON object (our contents need no escapes); null if absent or null. */
    static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + Pattern.quote(name) + "\"\\s*:\\s*(?:\"([^\"\\\\]*)\"|(-?\\d+))").matcher(json);
        return m.find() ? (m.group(1) != null ? m.group(1) : m.group(2)) : null;
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort();
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    static void deleteTree(Path root) {
        try (var paths = Files.walk(root)) {
            paths.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        } catch (IOException e) {
            // leave it
        }
    }
}
