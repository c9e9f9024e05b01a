package dev.velocity.filehistory.tools.multinode;

import dev.velocity.filehistory.tools.client.ApiClient;
import dev.velocity.filehistory.tools.client.Project;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Save load through the proxy of a multi-node deployment (deploy/multi-node.sh), then the checks a user cares about.
 * WRITERS clients save for SECONDS, every other save to one of a few files all writers share (conflicts: 409,
 * then the writer takes the version the 409 names) and the rest to a file of its own, always with expectedVersion.
 * Then, through the proxy: each file's versions are 1..N without a gap, every acknowledged save is in the history
 * with the hash of its content, and GET /verify answers ok (the read models equal a fresh replay).
 *
 * Usage (deploy/multi-node.sh runs the jar): MultiNodeLoad http://127.0.0.1:PORT [WRITERS=32] [SECONDS=20].
 * Exit 0 only if all holds.
 */
public final class MultiNodeLoad {

    final ApiClient api;
    final Project project;
    /** path -> version -> hash of the acknowledged content. */
    final Map<String, Map<Integer, String>> acknowledged = new ConcurrentHashMap<>();
    final AtomicInteger conflicts = new AtomicInteger();
    final AtomicInteger unavailable = new AtomicInteger();
    final List<String> failures = Collections.synchronizedList(new ArrayList<>());

    MultiNodeLoad(ApiClient api) throws Exception {
        this.api = api;
        this.project = api.createProject("multi-node", "load");
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: MultiNodeLoad http://127.0.0.1:PORT [WRITERS=32] [SECONDS=20]");
            System.exit(2);
        }
        int writers = args.length > 1 ? Integer.parseInt(args[1]) : 32;
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        MultiNodeLoad load = new MultiNodeLoad(new ApiClient(args[0]));
        int saves = load.run(writers, seconds);
        System.out.printf("%d writers, %d s: %d saves acknowledged, %.0f saves/s (%d conflicts answered 409, %d 503s)%n",
                writers, seconds, saves, saves / (double) seconds, load.conflicts.get(), load.unavailable.get());
        new LoadCheck(load).run();
        load.failures.stream().limit(20).forEach(failure -> System.out.println("FAIL " + failure));
        System.exit(load.failures.isEmpty() ? 0 : 1);
    }

    /** Runs the writers until {@code seconds} have passed; returns the acknowledged saves. */
    int run(int writers, int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        List<Thread> threads = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            Thread thread = new Thread(new Writer(this, w, deadline), "writer-" + w);
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            thread.join(Duration.ofSeconds(seconds + 120).toMillis());
        }
        return acknowledged.values().stream().mapToInt(Map::size).sum();
    }
}
