package bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static bench.Contents.*;
import static bench.Stats.*;

/** The long-history section: one file built to many versions, saves and reads timed early and late. */
record LongHistory(String design, int target, int reached, int window, long[] early, long[] late,
                   FillResult fill, long[] firstPage, long[] lastPage, long[] versionReads, long[] listsAsOf,
                   long[] contentsAsOf, String readFailure, Integrity integrity, String projectCheck) {

    /**
     * One file built to {@code target} versions: {@code window} saves timed one at a time at the start (versions
     * 2..window+1), a fill as fast as the design goes, {@code window} saves timed one at a time at the end, then
     * timed reads of the newest and the oldest history page and of random versions.
     */
    static LongHistory measure(Design d, int target, int bytes, Duration fillDeadline, int reads) throws Exception {
        String project = d.newProject("bench long history");
        String path = "src/long.js";
        Editor editor = new Editor(seed("history", 0), bytes);
        d.seed(project, path, editor.text());
        int window = Math.max(10, Math.min(200, target / 4));
        List<Ack> acks = new ArrayList<>();
        int[] last = {1};
        long[] early, late;
        try (Client c = d.client()) {
            early = Client.timedSequence(c, project, path, editor, window, acks, last);
            FillResult fill = d.fill(project, path, target - window, System.nanoTime() + fillDeadline.toNanos(), "history", bytes);
            acks.addAll(fill.acks());
            last[0] = Math.max(last[0], fill.acks().stream().mapToInt(Ack::version).max().orElse(last[0]));
            Integer current = c.currentVersion(project, path);
            if (current != null) last[0] = current;
            // The early saves met an idle read model; let the fill's backlog drain so the late ones do too.
            d.awaitSettled(project, path, last[0]);
            late = Client.timedSequence(c, project, path, editor, window, acks, last);
            int reached = acks.stream().mapToInt(Ack::version).max().orElse(1);
            d.awaitSettled(project, path, reached);

            Random random = new Random(42);
            long[] first = new long[reads], oldest = new long[reads], versions = new long[reads];
            long[] listsAsOf = new long[0], contentsAsOf = new long[0];
            String failure = null;
            try {
                // a few unmeasured reads first: the read paths are cold (no earlier workload reads versions by number)
                for (int i = 0; i < 5; i++) {
                    d.readHistoryPage(project, path, null, 50);
                    d.readHistoryPage(project, path, 51, 50);
                    d.readVersion(project, path, 1 + random.nextInt(reached));
                }
                for (int i = 0; i < reads; i++) first[i] = timed(() -> d.readHistoryPage(project, path, null, 50));
                for (int i = 0; i < reads; i++) oldest[i] = timed(() -> d.readHistoryPage(project, path, 51, 50));
                for (int i = 0; i < reads; i++) {
                    int k = 1 + random.nextInt(reached);
                    versions[i] = timed(() -> d.readVersion(project, path, k));
                }
                if (d.savedAt(project, path, 1) != null) {
                    listsAsOf = new long[reads];
                    contentsAsOf = new long[reads];
                    String middle = d.savedAt(project, path, reached / 2);
                    d.readAsOf(project, path, middle, false);
                    d.readAsOf(project, path, middle, true);
                    for (int i = 0; i < reads; i++) {
                        String at = d.savedAt(project, path, 1 + random.nextInt(reached));
                        listsAsOf[i] = timed(() -> d.readAsOf(project, path, at, false));
                        contentsAsOf[i] = timed(() -> d.readAsOf(project, path, at, true));
                    }
                }
            } catch (Exception e) {
                failure = String.valueOf(e.getMessage());
            }
            java.util.Arrays.sort(first);
            java.util.Arrays.sort(oldest);
            java.util.Arrays.sort(versions);
            java.util.Arrays.sort(listsAsOf);
            java.util.Arrays.sort(contentsAsOf);
            return new LongHistory(d.name(), target, reached, window, early, late, fill, first, oldest, versions,
                    listsAsOf, contentsAsOf, failure,
                    d.check(project, path, 1, acks), d.projectCheck(project));
        }
    }
}
