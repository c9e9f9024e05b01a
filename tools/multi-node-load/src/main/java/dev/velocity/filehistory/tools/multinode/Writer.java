package dev.velocity.filehistory.tools.multinode;

import dev.velocity.filehistory.tools.client.Answer;
import dev.velocity.filehistory.tools.client.ContentHash;
import dev.velocity.filehistory.tools.client.Saved;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** One writer: alternates between its own file and the shared ones, always with the version it last saw. */
final class Writer implements Runnable {

    static final int SHARED_FILES = 4;

    private final MultiNodeLoad load;
    private final int writer;
    private final long deadline;
    /** path -> the version this writer last saw. */
    private final Map<String, Integer> known = new HashMap<>();

    Writer(MultiNodeLoad load, int writer, long deadline) {
        this.load = load;
        this.writer = writer;
        this.deadline = deadline;
    }

    /** Save {@code i} of a writer: every other one to its own file, the rest in turn to the shared files. */
    static String path(int writer, int i) {
        return i % 2 == 0 ? "own/writer-" + writer + ".txt" : "shared/file-" + (i / 2) % SHARED_FILES + ".txt";
    }

    @Override
    public void run() {
        for (int i = 0; System.nanoTime() < deadline; i++) {
            String path = path(writer, i);
            int expected = known.getOrDefault(path, 0);
            String content = "writer " + writer + " save " + i + " after v" + expected;
            try {
                take(path, content, load.api.save(load.project, path, content, expected, null));
            } catch (Exception e) {
                load.failures.add("save of " + path + ": " + e);
            }
        }
    }

    private void take(String path, String content, Answer<Saved> answer) throws InterruptedException {
        if (answer.ok()) {
            int version = answer.body().version();
            load.acknowledged.computeIfAbsent(path, p -> new ConcurrentHashMap<>()).put(version, ContentHash.of(content));
            known.put(path, version);
        } else if (answer.status() == 409 && answer.problem() != null && answer.problem().currentVersion() != null) {
            load.conflicts.incrementAndGet();
            known.put(path, answer.problem().currentVersion());
        } else if (answer.status() == 503) {
            load.unavailable.incrementAndGet();
            Thread.sleep(100);
        } else {
            load.failures.add("save of " + path + ": " + answer.status() + " " + answer.abbreviated(300));
        }
    }
}
