package bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;

import static apiclient.ApiClient.sha256;

/** What filling one file fast came to (the long history's untimed part). */
record FillResult(List<Ack> acks, int attempts, Map<String, Integer> failures, double seconds, boolean cut, String how) {

    /** {@code clients} threads save to one file with expectedVersion null (last writer wins) until {@code upTo}. */
    static FillResult concurrently(Design d, String project, String path, int upTo, long stopAtNanos, String key,
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
                Editor editor = new Editor(Contents.seed(key, 0), Contents.seed(key + "/fill", id), bytes);
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
}
