package bench;

import java.util.ArrayList;
import java.util.List;

import static apiclient.ApiClient.sha256;
import static bench.Stats.*;

/** One client session of a design: its own connection (old) or the shared HTTP client (new). */
interface Client extends AutoCloseable {
    Outcome save(String project, String path, String content, Integer expectedVersion);
    /** The version a client reads back after a failure that told it nothing. */
    Integer currentVersion(String project, String path);
    @Override default void close() throws Exception {}

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
}
