package dev.velocity.filehistory.tools.bench.design;

import dev.velocity.filehistory.tools.bench.Stats;
import dev.velocity.filehistory.tools.bench.text.Editor;
import dev.velocity.filehistory.tools.client.ContentHash;
import java.util.ArrayList;
import java.util.List;

/** One client session of a design: its own connection (old) or the shared HTTP client (Velocity). */
public interface Client extends AutoCloseable {

    /** One save, timed; never throws: a failure is an {@link Outcome} of kind FAILED. */
    Outcome save(String project, String path, String content, Integer expectedVersion);

    /** The version a client reads back after a failure that told it nothing, or null. */
    Integer currentVersion(String project, String path);

    @Override
    default void close() throws Exception {}

    /**
     * {@code n} saves one after another with expectedVersion = {@code last[0]}, which follows them; adds the
     * acknowledged ones to {@code acks} and returns their latencies, sorted.
     */
    static long[] timedSequence(Client client, String project, String path, Editor editor, int n, List<Ack> acks,
                                int[] last) {
        List<Long> nanos = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String text = editor.next();
            Outcome outcome = client.save(project, path, text, last[0]);
            if (outcome.kind() == Outcome.Kind.ACKNOWLEDGED) {
                nanos.add(outcome.nanos());
                acks.add(new Ack(outcome.version(), ContentHash.of(text)));
                last[0] = outcome.version();
            } else if (outcome.currentVersion() != null) {
                last[0] = outcome.currentVersion();
            }
        }
        return Stats.sorted(nanos);
    }
}
