package bench;

import java.util.List;

import static bench.Format.*;
import static bench.Report.*;
import static bench.Stats.*;

/** The table of issue 8's targets at the top of the report, each judged from the sections below it. */
final class Targets {

    private Targets() {}

    static Result find(List<Result[]> pairs, String key, int design) {
        for (Result[] p : pairs) {
            Result any = p[0] != null ? p[0] : p[1];
            if (any.workload().key().equals(key)) return p[design];
        }
        return null;
    }

    static LongHistory history(List<LongHistory> hs, boolean velocity) {
        for (LongHistory h : hs) if (h.design().startsWith(velocity ? "new" : "old")) return h;
        return null;
    }

    static Storage storageOf(List<Storage> ss, boolean velocity) {
        for (Storage s : ss) if (s.design().startsWith(velocity ? "new" : "old")) return s;
        return null;
    }

    static void target(StringBuilder md, String what, String old, String velocity, String ratio, String target, Boolean met) {
        md.append("| ").append(what).append(" | ").append(old).append(" | ").append(velocity).append(" | ").append(ratio)
                .append(" | ").append(target).append(" | ").append(met == null ? "n/a" : met ? "yes" : "**no**").append(" |\n");
    }

    static Boolean atMost(double value, double limit) { return Double.isNaN(value) ? null : value <= limit; }

    static void targets(StringBuilder md, List<Result[]> pairs, List<LongHistory> histories, List<Storage> storages, GitStorage git) {
        md.append("## Targets of issue 8\n\n");
        if (QUICK) md.append("**Quick run:** too few saves and reads to judge any target (a p99 of 50 reads is their maximum); ")
                .append("it shows that every section runs. Judge targets from a default run.\n\n");
        md.append("| target | old | Velocity | Velocity/old | target | met? |\n|---|---|---|---|---|---|\n");
        for (String key : List.of("distinct8", "distinct32", "rewrite8")) {
            Result o = find(pairs, key, 0), n = find(pairs, key, 1);
            if (o == null && n == null) continue;
            String title = (o != null ? o : n).workload().title();
            target(md, "1. " + title + ": acknowledged saves/s", cell(o, r -> f(r.savesPerSecond())), cell(n, r -> f(r.savesPerSecond())),
                    o == null || n == null ? "n/a" : ratio(n.savesPerSecond(), o.savesPerSecond()), "report", null);
            target(md, "1. " + title + ": latency p50 / p95 / p99 ms",
                    cell(o, r -> f(r.percentileMs(50)) + " / " + f(r.percentileMs(95)) + " / " + f(r.percentileMs(99))),
                    cell(n, r -> f(r.percentileMs(50)) + " / " + f(r.percentileMs(95)) + " / " + f(r.percentileMs(99))),
                    o == null || n == null ? "n/a" : "p99 " + ratio(n.percentileMs(99), o.percentileMs(99)),
                    key.equals("distinct32") ? "Velocity p99 ≤ 50 ms" : "report",
                    key.equals("distinct32") && n != null ? atMost(n.percentileMs(99), 50) : null);
            target(md, "1. " + title + ": CPU ms per save (PostgreSQL; new: + service)", cell(o, r -> f(cpuPerSave(r))),
                    cell(n, r -> f(cpuPerSave(r))), o == null || n == null ? "n/a" : ratio(cpuPerSave(n), cpuPerSave(o)), "report", null);
        }
        Result lo = find(pairs, "lww", 0), ln = find(pairs, "lww", 1);
        if (lo != null || ln != null) {
            target(md, "2. 8 clients, one file, expectedVersion null: failed saves; history problems",
                    cell(lo, r -> f(r.failedPercent()) + " %; " + problems(r)), cell(ln, r -> f(r.failedPercent()) + " %; " + problems(r)),
                    "n/a", "Velocity 0 %; 0", ln == null ? null : ln.failed() == 0 && problems(ln) == 0);
            target(md, "2. same: acknowledged saves/s; p99 ms", cell(lo, r -> f(r.savesPerSecond()) + "; " + f(r.percentileMs(99))),
                    cell(ln, r -> f(r.savesPerSecond()) + "; " + f(r.percentileMs(99))),
                    lo == null || ln == null ? "n/a" : ratio(ln.savesPerSecond(), lo.savesPerSecond()), "report", null);
        }
        Result co = find(pairs, "contention", 0), cn = find(pairs, "contention", 1);
        if (co != null || cn != null) {
            target(md, "3. 8 clients, one file, expectedVersion: acknowledged saves/s; rejected %; history problems",
                    cell(co, r -> f(r.savesPerSecond()) + "; " + f(r.failedPercent()) + " %; " + problems(r)),
                    cell(cn, r -> f(r.savesPerSecond()) + "; " + f(r.failedPercent()) + " %; " + problems(r)),
                    co == null || cn == null ? "n/a" : ratio(cn.savesPerSecond(), co.savesPerSecond()), "0 history problems",
                    cn == null ? null : problems(cn) == 0);
        }
        Result ro = find(pairs, "rejected", 0), rn = find(pairs, "rejected", 1);
        Result ao = find(pairs, "distinct8", 0), an = find(pairs, "distinct8", 1);
        if (ro != null || rn != null) {
            java.util.function.Function<Result, String> perAttempt = r -> f(cpuSeconds(r) * 1000 / r.attempted());
            target(md, "3. CPU ms per rejected save (all-stale phase) vs per accepted save (8 clients, 8 files)",
                    cell(ro, perAttempt) + " vs " + cell(ao, r -> f(cpuPerSave(r))),
                    cell(rn, perAttempt) + " vs " + cell(an, r -> f(cpuPerSave(r))),
                    rn == null || an == null ? "n/a" : "rejected/accepted (Velocity) "
                            + ratio(cpuSeconds(rn) / rn.attempted(), cpuSeconds(an) / an.acknowledged()), "report", null);
        }
        Result lag = find(pairs, "lag32", 1);
        if (lag != null && lag.lagNanos() != null) {
            target(md, "4. projection lag under 32 clients, 32 files: p50 / p99 ms", "n/a (reads its own writes)",
                    f(percentile(lag.lagNanos(), 50)) + " / " + f(percentile(lag.lagNanos(), 99)) + " (" + lag.lagNanos().length
                            + " probes, " + lag.lagSkipped() + " samples skipped, " + lag.lagNotVisible() + " not 200)",
                    "n/a", "p99 ≤ 250 ms", lag.lagNanos().length == 0 ? null
                            : atMost(percentile(lag.lagNanos(), 99), 250) && lag.lagNotVisible() == 0);
        }
        LongHistory ho = history(histories, false), hn = history(histories, true);
        if (ho != null || hn != null) {
            LongHistory any = hn != null ? hn : ho;
            java.util.function.Function<LongHistory, String> lateEarly = h -> h == null ? "n/a" : "p50 " + f(percentile(h.early(), 50))
                    + " → " + f(percentile(h.late(), 50)) + " ms (" + ratio(percentile(h.late(), 50), percentile(h.early(), 50))
                    + "), mean " + ratio(meanMs(h.late()), meanMs(h.early()));
            target(md, "5. long history (" + any.target() + " versions): versions reached",
                    ho == null ? "n/a" : String.valueOf(ho.reached()), hn == null ? "n/a" : String.valueOf(hn.reached()), "n/a",
                    "= " + any.target(), hn == null ? null : hn.reached() >= hn.target());
            target(md, "5. save latency, last " + any.window() + " vs first " + any.window() + " versions",
                    lateEarly.apply(ho), lateEarly.apply(hn), "n/a", "p50 late/early ≤ 1.2×",
                    hn == null ? null : atMost(percentile(hn.late(), 50) / percentile(hn.early(), 50), 1.2));
            String[] labels = {"history, newest page (limit=50)", "history, oldest page (before=51)", "content of random version K"};
            for (int k = 0; k < 3; k++) {
                final int which = k;
                java.util.function.Function<LongHistory, long[]> pick = h -> which == 0 ? h.firstPage() : which == 1 ? h.lastPage() : h.versionReads();
                target(md, "5. " + labels[k] + ": p50 / p99 / max ms", ho == null ? "n/a" : p3(pick.apply(ho)),
                        hn == null ? "n/a" : p3(pick.apply(hn)),
                        ho == null || hn == null ? "n/a" : "p99 " + ratio(percentile(pick.apply(hn), 99), percentile(pick.apply(ho), 99)),
                        "Velocity p99 ≤ 20 ms", hn == null || hn.readFailure() != null ? (hn == null ? null : false)
                                : atMost(percentile(pick.apply(hn), 99), 20));
            }
        }
        if (hn != null && hn.listsAsOf().length > 0) {
            target(md, "9. point in time in a " + hn.reached() + "-event project: list / content p50 / p99 / max ms", "n/a",
                    p3(hn.listsAsOf()) + "; " + p3(hn.contentsAsOf()), "n/a", "Velocity ≤ 50 ms (issue 9)",
                    atMost(Math.max(percentile(hn.listsAsOf(), 99), percentile(hn.contentsAsOf(), 99)), 50));
        }
        Result bo = find(pairs, "big8", 0), bn = find(pairs, "big8", 1);
        if (bo != null || bn != null) {
            target(md, "6. 100 KiB files, 8 clients, 8 files: p99 ms", cell(bo, r -> f(r.percentileMs(99))), cell(bn, r -> f(r.percentileMs(99))),
                    bo == null || bn == null ? "n/a" : ratio(bn.percentileMs(99), bo.percentileMs(99)), "Velocity p99 ≤ 200 ms",
                    bn == null ? null : atMost(bn.percentileMs(99), 200));
        }
        Storage so = storageOf(storages, false), sn = storageOf(storages, true);
        if (so != null || sn != null) {
            double gitMb = git == null || git.failure() != null ? Double.NaN : git.packBytes() / 1e6;
            java.util.function.Function<Storage, String> mb = s -> s == null ? "n/a" : f(s.liveMb(0)) + " MB live, "
                    + ratio(s.liveMb(0), gitMb) + " git's " + f(gitMb) + " MB (as written " + f(s.addedMb(0)) + " MB, "
                    + ratio(s.addedMb(0), gitMb) + ")";
            target(md, "7. storage, " + (sn != null ? sn : so).versions() + " versions of ~" + STORAGE_KIB + " KiB: MB added (vs git)",
                    mb.apply(so), mb.apply(sn), so == null || sn == null ? "n/a" : ratio(sn.liveMb(0), so.liveMb(0)),
                    "Velocity live ≤ 5× git", sn == null ? null : atMost(sn.liveMb(0) / gitMb, 5));
        }
        md.append("\n\"report\": the issue asks for the figure, without a threshold. Each row comes from the workload or section of the ")
                .append("same name below.\n\n");
    }
}
