package dev.velocity.filehistory.tools.bench.design;

import dev.velocity.filehistory.tools.bench.text.Contents;
import dev.velocity.filehistory.tools.bench.text.Editor;
import dev.velocity.filehistory.tools.client.ContentHash;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/** What filling one file fast came to (the long history's untimed part). */
public record FillResult(List<Ack> acks, int attempts, Map<String, Integer> failures, double seconds, boolean cut,
                         String how) {

    /** Which file to fill, up to which version, until when. */
    public record Target(String project, String path, int upTo, long stopAtNanos) {}

    /** What the filling clients share. */
    private record Shared(ConcurrentLinkedQueue<Ack> acks, Map<String, Integer> failures, AtomicInteger attempts,
                          AtomicBoolean done, AtomicBoolean cut) {}

    /** {@code clients} threads save to one file with expectedVersion null (last writer wins) until {@code upTo}. */
    static FillResult concurrently(Design design, Target target, String key, int bytes, int clients) throws Exception {
        Shared shared = new Shared(new ConcurrentLinkedQueue<>(), new ConcurrentHashMap<>(), new AtomicInteger(),
                new AtomicBoolean(), new AtomicBoolean());
        List<Thread> threads = new ArrayList<>();
        long start = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            Client client = design.client();
            Editor editor = new Editor(Contents.seed(key, 0), Contents.seed(key + "/fill", c), bytes);
            Thread thread = new Thread(() -> fill(client, editor, target, shared), "bench-fill-" + c);
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        return new FillResult(new ArrayList<>(shared.acks()), shared.attempts().get(), new TreeMap<>(shared.failures()),
                (System.nanoTime() - start) / 1e9, shared.cut().get(),
                clients + " clients, expectedVersion null, over the design's own API");
    }

    private static void fill(Client client, Editor editor, Target target, Shared shared) {
        try (client) {
            while (!shared.done().get()) {
                if (System.nanoTime() > target.stopAtNanos()) {
                    shared.cut().set(true);
                    return;
                }
                String text = editor.next();
                shared.attempts().incrementAndGet();
                Outcome outcome = client.save(target.project(), target.path(), text, null);
                if (outcome.kind() == Outcome.Kind.ACKNOWLEDGED) {
                    shared.acks().add(new Ack(outcome.version(), ContentHash.of(text)));
                    if (outcome.version() >= target.upTo()) {
                        shared.done().set(true);
                    }
                } else if (outcome.kind() == Outcome.Kind.FAILED) {
                    shared.failures().merge(outcome.failure(), 1, Integer::sum);
                }
            }
        } catch (Exception e) {
            shared.failures().merge("client: " + e, 1, Integer::sum);
        }
    }
}
