package dev.velocity.filehistory.tools.bench.storage;

import dev.velocity.filehistory.tools.bench.design.Ack;
import dev.velocity.filehistory.tools.bench.design.Client;
import dev.velocity.filehistory.tools.bench.design.Design;
import dev.velocity.filehistory.tools.bench.design.Integrity;
import dev.velocity.filehistory.tools.bench.text.Contents;
import dev.velocity.filehistory.tools.bench.text.Editor;
import java.util.ArrayList;
import java.util.List;

/** What one design's database holds after one file saved many times: {relation sizes, database size} in bytes. */
record Storage(String design, int versions, long[] before, long[] written, long[] live, double seconds, long[] latencies,
               int failed, Integrity integrity) {

    static final String PATH = "src/storage.js";

    /** MB added as written (which 0: relation sizes, 1: database size), dead row versions and free space included. */
    double addedMb(int which) {
        return delta(written, which);
    }

    /** MB added that stay after VACUUM FULL: the live data. */
    double liveMb(int which) {
        return delta(live, which);
    }

    private double delta(long[] after, int which) {
        return before == null || after == null ? Double.NaN : (after[which] - before[which]) / 1e6;
    }

    /**
     * One client saves the file {@code saves} times, 3 lines changed each, expectedVersion = last; bytes added to the
     * database, from a VACUUM FULL before the first save to after the last (as written, then after VACUUM FULL).
     */
    static Storage measure(Design design, int saves, int bytes) throws Exception {
        long[] before = design.storedBytes(true);
        String project = design.newProject("bench storage");
        Editor editor = new Editor(Contents.seed("storage", 0), bytes);
        design.seed(project, PATH, editor.text());
        List<Ack> acks = new ArrayList<>();
        int[] last = {1};
        long start = System.nanoTime();
        long[] latencies;
        try (Client client = design.client()) {
            latencies = Client.timedSequence(client, project, PATH, editor, saves, acks, last);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        design.awaitSettled(project, PATH, last[0]);
        Thread.sleep(2000); // anything the service does after a save in the background (snapshots, tokens)
        long[] written = design.storedBytes(false);
        long[] live = design.storedBytes(true);
        return new Storage(design.name(), 1 + acks.size(), before, written, live, seconds, latencies,
                saves - acks.size(), design.check(project, PATH, 1, acks));
    }
}
