package dev.velocity.filehistory.tools.bench.history;

import static dev.velocity.filehistory.tools.bench.Stats.timed;

import dev.velocity.filehistory.tools.bench.design.Ack;
import dev.velocity.filehistory.tools.bench.design.Client;
import dev.velocity.filehistory.tools.bench.design.Design;
import dev.velocity.filehistory.tools.bench.design.FillResult;
import dev.velocity.filehistory.tools.bench.text.Contents;
import dev.velocity.filehistory.tools.bench.text.Editor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/** Builds one file to many versions on one design and times its saves and reads: {@link LongHistory}. */
final class HistoryMeasure {

    private static final String PATH = "src/long.js";
    private static final int UNMEASURED_READS = 5;

    private final Design design;
    private final String project;
    private final Editor editor;
    private final List<Ack> acks = new ArrayList<>();
    /** The version the next timed save expects. */
    private final int[] last = {1};

    private HistoryMeasure(Design design, int bytes) throws Exception {
        this.design = design;
        this.project = design.newProject("bench long history");
        this.editor = new Editor(Contents.seed("history", 0), bytes);
        design.seed(project, PATH, editor.text());
    }

    /**
     * One file built to {@code target} versions: {@code window} saves timed one at a time at the start, a fill as
     * fast as the design goes, {@code window} saves timed one at a time at the end, then timed reads.
     */
    static LongHistory measure(Design design, int target, int bytes, Duration fillDeadline, int reads) throws Exception {
        return new HistoryMeasure(design, bytes).build(target, bytes, fillDeadline, reads);
    }

    private LongHistory build(int target, int bytes, Duration fillDeadline, int reads) throws Exception {
        int window = Math.max(10, Math.min(200, target / 4));
        try (Client client = design.client()) {
            long[] early = Client.timedSequence(client, project, PATH, editor, window, acks, last);
            FillResult fill = design.fill(project, PATH, target - window, System.nanoTime() + fillDeadline.toNanos(),
                    "history", bytes);
            acks.addAll(fill.acks());
            Integer current = client.currentVersion(project, PATH);
            last[0] = current != null ? current
                    : Math.max(last[0], fill.acks().stream().mapToInt(Ack::version).max().orElse(last[0]));
            // The early saves met an idle read model; let the fill's backlog drain so the late ones do too.
            design.awaitSettled(project, PATH, last[0]);
            long[] late = Client.timedSequence(client, project, PATH, editor, window, acks, last);
            int reached = acks.stream().mapToInt(Ack::version).max().orElse(1);
            design.awaitSettled(project, PATH, reached);
            return new LongHistory(design.name(), target, reached, window, early, late, fill, reads(reached, reads),
                    design.check(project, PATH, 1, acks), design.projectCheck(project));
        }
    }

    private LongHistory.Reads reads(int reached, int n) {
        Random random = new Random(42);
        long[] newest = new long[n];
        long[] oldest = new long[n];
        long[] versions = new long[n];
        try {
            for (int i = 0; i < UNMEASURED_READS; i++) { // the read paths are cold: no workload reads versions by number
                design.readHistoryPage(project, PATH, null, 50);
                design.readHistoryPage(project, PATH, 51, 50);
                design.readVersion(project, PATH, 1 + random.nextInt(reached));
            }
            for (int i = 0; i < n; i++) {
                newest[i] = timed(() -> design.readHistoryPage(project, PATH, null, 50));
            }
            for (int i = 0; i < n; i++) {
                oldest[i] = timed(() -> design.readHistoryPage(project, PATH, 51, 50));
            }
            for (int i = 0; i < n; i++) {
                int version = 1 + random.nextInt(reached);
                versions[i] = timed(() -> design.readVersion(project, PATH, version));
            }
            long[][] asOf = pointInTime(reached, n, random);
            return new LongHistory.Reads(sort(newest), sort(oldest), sort(versions), sort(asOf[0]), sort(asOf[1]), null);
        } catch (Exception e) {
            return new LongHistory.Reads(sort(newest), sort(oldest), sort(versions), new long[0], new long[0],
                    String.valueOf(e.getMessage()));
        }
    }

    /** {file lists, contents} as they stood at random versions' instants; empty where the design has no such read. */
    private long[][] pointInTime(int reached, int n, Random random) throws Exception {
        if (design.savedAt(project, PATH, 1) == null) {
            return new long[][] {new long[0], new long[0]};
        }
        String middle = design.savedAt(project, PATH, reached / 2);
        design.readAsOf(project, PATH, middle, false);
        design.readAsOf(project, PATH, middle, true);
        long[][] asOf = {new long[n], new long[n]};
        for (int i = 0; i < n; i++) {
            String at = design.savedAt(project, PATH, 1 + random.nextInt(reached));
            asOf[0][i] = timed(() -> design.readAsOf(project, PATH, at, false));
            asOf[1][i] = timed(() -> design.readAsOf(project, PATH, at, true));
        }
        return asOf;
    }

    private static long[] sort(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return sorted;
    }
}
