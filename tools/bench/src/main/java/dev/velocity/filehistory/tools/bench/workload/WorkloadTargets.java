package dev.velocity.filehistory.tools.bench.workload;

import static dev.velocity.filehistory.tools.bench.Format.cell;
import static dev.velocity.filehistory.tools.bench.Format.f;
import static dev.velocity.filehistory.tools.bench.Format.ratio;
import static dev.velocity.filehistory.tools.bench.Stats.percentile;
import static dev.velocity.filehistory.tools.bench.TargetRow.atMost;

import dev.velocity.filehistory.tools.bench.Results;
import dev.velocity.filehistory.tools.bench.TargetRow;
import java.util.List;

/** Issue 8's targets that workloads judge, each as rows of the targets table. */
final class WorkloadTargets {

    /** The rows a workload's figures give; {@code all} for a target that compares with another workload. */
    interface Rule {
        List<TargetRow> rows(Pair pair, Results all);
    }

    private WorkloadTargets() {}

    /** Target 1: throughput, latency and CPU without contention; p99 ≤ 50 ms judged at 32 clients. */
    static List<TargetRow> withoutContention(Pair p, Results all) {
        Result o = p.old();
        Result n = p.velocity();
        String title = p.workload().title();
        boolean judged = p.workload().key().equals("distinct32");
        return List.of(
                TargetRow.report(1, title + ": acknowledged saves/s", cell(o, r -> f(r.savesPerSecond())),
                        cell(n, r -> f(r.savesPerSecond())), p.both() ? ratio(n.savesPerSecond(), o.savesPerSecond()) : "n/a"),
                new TargetRow(1, title + ": latency p50 / p95 / p99 ms", cell(o, Result::latencies),
                        cell(n, Result::latencies), p.both() ? "p99 " + ratio(n.percentileMs(99), o.percentileMs(99)) : "n/a",
                        judged ? "Velocity p99 ≤ 50 ms" : "report", judged && n != null ? atMost(n.percentileMs(99), 50) : null),
                TargetRow.report(1, title + ": CPU ms per save (PostgreSQL; new: + service)", cell(o, r -> f(r.cpuMsPerSave())),
                        cell(n, r -> f(r.cpuMsPerSave())), p.both() ? ratio(n.cpuMsPerSave(), o.cpuMsPerSave()) : "n/a"));
    }

    /** Target 2: last writer wins on one file fails nothing in Velocity. */
    static List<TargetRow> lastWriterWins(Pair p, Results all) {
        Result n = p.velocity();
        return List.of(
                new TargetRow(2, "8 clients, one file, expectedVersion null: failed saves; history problems",
                        cell(p.old(), r -> f(r.failedPercent()) + " %; " + r.problems()),
                        cell(n, r -> f(r.failedPercent()) + " %; " + r.problems()), "n/a", "Velocity 0 %; 0",
                        n == null ? null : n.failed() == 0 && n.problems() == 0),
                TargetRow.report(2, "same: acknowledged saves/s; p99 ms",
                        cell(p.old(), r -> f(r.savesPerSecond()) + "; " + f(r.percentileMs(99))),
                        cell(n, r -> f(r.savesPerSecond()) + "; " + f(r.percentileMs(99))),
                        p.both() ? ratio(n.savesPerSecond(), p.old().savesPerSecond()) : "n/a"));
    }

    /** Target 3: contention on one file loses no acknowledged save. */
    static List<TargetRow> contention(Pair p, Results all) {
        Result n = p.velocity();
        return List.of(new TargetRow(3, "8 clients, one file, expectedVersion: acknowledged saves/s; rejected %; "
                + "history problems", cell(p.old(), WorkloadTargets::savesRejectedProblems),
                cell(n, WorkloadTargets::savesRejectedProblems),
                p.both() ? ratio(n.savesPerSecond(), p.old().savesPerSecond()) : "n/a", "0 history problems",
                n == null ? null : n.problems() == 0));
    }

    /** Target 3: a rejected save costs less CPU than an accepted one (8 clients, 8 files). */
    static List<TargetRow> rejected(Pair p, Results all) {
        Pair accepted = WorkloadResults.pair(all, "distinct8");
        Result ao = accepted == null ? null : accepted.old();
        Result an = accepted == null ? null : accepted.velocity();
        Result rn = p.velocity();
        return List.of(TargetRow.report(3, "CPU ms per rejected save (all-stale phase) vs per accepted save (8 clients, "
                        + "8 files)", cell(p.old(), r -> f(r.cpuMsPerAttempt())) + " vs " + cell(ao, r -> f(r.cpuMsPerSave())),
                cell(rn, r -> f(r.cpuMsPerAttempt())) + " vs " + cell(an, r -> f(r.cpuMsPerSave())),
                rn == null || an == null ? "n/a"
                        : "rejected/accepted (Velocity) " + ratio(rn.cpuMsPerAttempt(), an.cpuMsPerSave())));
    }

    /** Target 4: projection lag at 32 clients, p99 ≤ 250 ms. */
    static List<TargetRow> lag(Pair p, Results all) {
        Result n = p.velocity();
        if (n == null || n.lag() == null) {
            return List.of();
        }
        long[] lags = n.lag().lagNanos();
        return List.of(new TargetRow(4, "projection lag under 32 clients, 32 files: p50 / p99 ms",
                "n/a (reads its own writes)", f(percentile(lags, 50)) + " / " + f(percentile(lags, 99)) + " ("
                + lags.length + " probes, " + n.lag().skipped() + " samples skipped, " + n.lag().notVisible()
                + " not 200)", "n/a", "p99 ≤ 250 ms", lags.length == 0 ? null
                : Boolean.TRUE.equals(atMost(percentile(lags, 99), 250)) && n.lag().notVisible() == 0));
    }

    /** Target 6: 100 KiB files, p99 ≤ 200 ms. */
    static List<TargetRow> bigFiles(Pair p, Results all) {
        Result n = p.velocity();
        return List.of(new TargetRow(6, "100 KiB files, 8 clients, 8 files: p99 ms",
                cell(p.old(), r -> f(r.percentileMs(99))), cell(n, r -> f(r.percentileMs(99))),
                p.both() ? ratio(n.percentileMs(99), p.old().percentileMs(99)) : "n/a", "Velocity p99 ≤ 200 ms",
                n == null ? null : atMost(n.percentileMs(99), 200)));
    }

    private static String savesRejectedProblems(Result r) {
        return f(r.savesPerSecond()) + "; " + f(r.failedPercent()) + " %; " + r.problems();
    }
}
