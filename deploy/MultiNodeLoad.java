import apiclient.ApiClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Save load through the proxy of a multi-node deployment (deploy/multi-node.sh), then the checks a user cares about.
 * WRITERS clients save for SECONDS, every other save to one of a few files all writers share (conflicts: 409,
 * then the writer takes the version the 409 names) and the rest to a file of its own, always with expectedVersion.
 * Then, through the proxy: each file's versions are 1..N without a gap, every acknowledged save is in the history
 * with the hash of its content, and GET /verify answers ok (the read models equal a fresh replay).
 *
 * Usage (deploy/multi-node.sh compiles it with scripts/lib/apiclient): MultiNodeLoad http://127.0.0.1:PORT
 * [WRITERS=32] [SECONDS=20]. Exit 0 only if all holds.
 */
public class MultiNodeLoad {

    static final int SHARED_FILES = 4;
    /** How long the read model may take to show a file's newest acknowledged version through the proxy. */
    static final Duration READ_MODEL_WAIT = Duration.ofSeconds(30);

    final ApiClient api;
    final ApiClient.Project project;
    /** path -> version -> hash of the acknowledged content. */
    final Map<String, Map<Integer, String>> acknowledged = new ConcurrentHashMap<>();
    final AtomicInteger conflicts = new AtomicInteger();
    final AtomicInteger unavailable = new AtomicInteger();
    final List<String> failures = Collections.synchronizedList(new ArrayList<>());

    MultiNodeLoad(String base) throws Exception {
        this.api = new ApiClient(base);
        this.project = api.createProject("multi-node", "load");
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
                HttpResponse<String> response = api.save(project, path, content, expected, null, Duration.ofSeconds(30));
                int status = response.statusCode();
                if (status == 200 || status == 201) {
                    int version = Integer.parseInt(ApiClient.field(response.body(), "version"));
                    acknowledged.computeIfAbsent(path, p -> new ConcurrentHashMap<>()).put(version, ApiClient.sha256(content));
                    known.put(path, version);
                } else if (status == 409) {
                    conflicts.incrementAndGet();
                    known.put(path, Integer.parseInt(ApiClient.field(response.body(), "currentVersion")));
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
        HttpResponse<String> verify = api.get("/api/projects/" + project.id() + "/verify", project.token(),
                Duration.ofSeconds(60));
        if (verify.statusCode() != 200 || !verify.body().contains("\"ok\":true")) {
            failures.add("GET /verify: " + verify.statusCode() + " " + verify.body());
        } else {
            System.out.println("GET /verify ok: " + ApiClient.field(verify.body(), "files") + " files, "
                    + ApiClient.field(verify.body(), "events") + " events");
        }
    }

    /** version -> contentHash of the file's history, read once the read model shows minVersion. */
    TreeMap<Integer, String> history(String path, int minVersion) {
        try {
            ApiClient.History history = api.history(project, path, minVersion, System.nanoTime() + READ_MODEL_WAIT.toNanos());
            failures.addAll(history.problems());
            return history.versions();
        } catch (Exception e) {
            failures.add(e.getMessage() == null ? "history of " + path + ": " + e : e.getMessage());
            return new TreeMap<>();
        }
    }
}
