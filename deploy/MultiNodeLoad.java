import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Save load through the proxy of a multi-node deployment (deploy/multi-node.sh), then the checks a user cares about.
 * WRITERS clients save for SECONDS, every other save to one of a few files all writers share (conflicts: 409,
 * then the writer takes the version the 409 names) and the rest to a file of its own, always with expectedVersion.
 * Then, through the proxy: each file's versions are 1..N without a gap, every acknowledged save is in the history
 * with the hash of its content, and GET /verify answers ok (the read models equal a fresh replay).
 *
 * Usage: java deploy/MultiNodeLoad.java http://127.0.0.1:PORT [WRITERS=32] [SECONDS=20]. Exit 0 only if all holds.
 */
public class MultiNodeLoad {

    static final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    static final int SHARED_FILES = 4;

    final String base;
    final String projectId;
    final String token;
    /** path -> version -> hash of the acknowledged content. */
    final Map<String, Map<Integer, String>> acknowledged = new ConcurrentHashMap<>();
    final AtomicInteger conflicts = new AtomicInteger();
    final AtomicInteger unavailable = new AtomicInteger();
    final List<String> failures = java.util.Collections.synchronizedList(new ArrayList<>());

    MultiNodeLoad(String base) throws Exception {
        this.base = base;
        HttpResponse<String> project = send(HttpRequest.newBuilder(URI.create(base + "/api/projects"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"multi-node\",\"user\":\"load\"}")));
        if (project.statusCode() != 201) {
            throw new IllegalStateException("POST /api/projects: " + project.statusCode() + " " + project.body());
        }
        projectId = field(project.body(), "projectId");
        token = field(project.body(), "token");
    }

    public static void main(String[] args) throws Exception {
        int writers = args.length > 1 ? Integer.parseInt(args[1]) : 32;
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        MultiNodeLoad load = new MultiNodeLoad(args[0]);
        int saves = load.run(writers, seconds);
        System.out.printf("%d writers, %d s: %d saves acknowledged, %.0f saves/s (%d conflicts answered 409, %d 503s)%n",
                writers, seconds, saves, saves / (double) seconds, load.conflicts.get(), load.unavailable.get());
        load.check();
        load.failures.stream().limit(20).forEach(failure -> System.out.println("FAIL " + failure));
        System.exit(load.failures.isEmpty() ? 0 : 1);
    }

    int run(int writers, int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        List<Thread> threads = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            int writer = w;
            Thread thread = new Thread(() -> write(writer, deadline), "writer-" + w);
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            thread.join(Duration.ofSeconds(seconds + 120).toMillis());
        }
        return acknowledged.values().stream().mapToInt(Map::size).sum();
    }

    void write(int writer, long deadline) {
        Map<String, Integer> known = new TreeMap<>();
        for (int i = 0; System.nanoTime() < deadline; i++) {
            String path = i % 2 == 0 ? "own/writer-" + writer + ".txt" : "shared/file-" + (i / 2) % SHARED_FILES + ".txt";
            int expected = known.getOrDefault(path, 0);
            String content = "writer " + writer + " save " + i + " after v" + expected;
            try {
                HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(base + "/api/projects/"
                                + projectId + "/files?path=" + path))
                        .header("Content-Type", "application/json").header("Authorization", "Bearer " + token)
                        .timeout(Duration.ofSeconds(30))
                        .PUT(HttpRequest.BodyPublishers.ofString("{\"content\":\"" + content
                                + "\",\"expectedVersion\":" + expected + "}")));
                int status = response.statusCode();
                if (status == 200 || status == 201) {
                    int version = Integer.parseInt(field(response.body(), "version"));
                    acknowledged.computeIfAbsent(path, p -> new ConcurrentHashMap<>()).put(version, sha256(content));
                    known.put(path, version);
                } else if (status == 409) {
                    conflicts.incrementAndGet();
                    known.put(path, Integer.parseInt(field(response.body(), "currentVersion")));
                } else if (status == 503) {
                    unavailable.incrementAndGet();
                    Thread.sleep(100);
                } else {
                    failures.add("save of " + path + ": " + status + " " + response.body());
                }
            } catch (Exception e) {
                failures.add("save of " + path + ": " + e);
            }
        }
    }

    void check() throws Exception {
        int checked = 0;
        for (Map.Entry<String, Map<Integer, String>> file : new TreeMap<>(acknowledged).entrySet()) {
            String path = file.getKey();
            int newest = file.getValue().keySet().stream().mapToInt(Integer::intValue).max().orElse(0);
            TreeMap<Integer, String> history = history(path, newest);
            if (history.isEmpty() || history.firstKey() != 1 || history.lastKey() != history.size()) {
                failures.add(path + ": versions are not 1..N without a gap: " + history.keySet());
            }
            for (Map.Entry<Integer, String> ack : file.getValue().entrySet()) {
                if (!ack.getValue().equals(history.get(ack.getKey()))) {
                    failures.add(path + " v" + ack.getKey() + ": acknowledged hash " + ack.getValue()
                            + ", stored " + history.get(ack.getKey()));
                }
                checked++;
            }
        }
        System.out.printf("%d files, %d acknowledged saves checked against the history%n", acknowledged.size(), checked);
        HttpResponse<String> verify = get("/api/projects/" + projectId + "/verify");
        if (verify.statusCode() != 200 || !verify.body().contains("\"ok\":true")) {
            failures.add("GET /verify: " + verify.statusCode() + " " + verify.body());
        } else {
            System.out.println("GET /verify ok: " + field(verify.body(), "files") + " files, "
                    + field(verify.body(), "events") + " events");
        }
    }

    /** version -> contentHash of the file's history, read once the read model shows minVersion (pages of 1000). */
    TreeMap<Integer, String> history(String path, int minVersion) throws Exception {
        TreeMap<Integer, String> versions = new TreeMap<>();
        String before = "";
        for (int attempt = 0; attempt < 60; ) {
            HttpResponse<String> response = get("/api/projects/" + projectId + "/files/history?path=" + path
                    + "&limit=1000&minVersion=" + minVersion + before);
            if (response.statusCode() == 503) {
                attempt++;
                Thread.sleep(500);
                continue;
            }
            if (response.statusCode() != 200) {
                failures.add("history of " + path + ": " + response.statusCode() + " " + response.body());
                return versions;
            }
            Matcher entry = Pattern.compile("\\{[^{}]*\\}").matcher(response.body());
            while (entry.find()) {
                String json = entry.group();
                if (versions.put(Integer.parseInt(field(json, "version")), field(json, "contentHash")) != null) {
                    failures.add(path + ": version " + field(json, "version") + " appears twice in the history");
                }
            }
            String next = field(response.body(), "next");
            if (next == null) {
                return versions;
            }
            before = "&before=" + next;
        }
        failures.add(path + ": the read model never reached acknowledged v" + minVersion);
        return versions;
    }

    HttpResponse<String> get(String pathAndQuery) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(base + pathAndQuery)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token).GET());
    }

    static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** A string or number field of a flat JSON object (our contents need no escapes); null if absent or null. */
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
}
