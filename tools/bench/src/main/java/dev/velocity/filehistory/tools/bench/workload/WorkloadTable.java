package dev.velocity.filehistory.tools.bench.workload;

import static dev.velocity.filehistory.tools.bench.Format.f;
import static dev.velocity.filehistory.tools.bench.Format.ratio;
import static dev.velocity.filehistory.tools.bench.Stats.percentile;

import dev.velocity.filehistory.tools.bench.Markdown;
import dev.velocity.filehistory.tools.bench.design.Integrity;
import java.util.function.Function;

/** A workload's rows in the report: its line of the summary table and its own section. */
final class WorkloadTable {

    private WorkloadTable() {}

    static String summaryRow(Pair p) {
        Result o = p.old();
        Result n = p.velocity();
        return Markdown.row(p.workload().title(), p.workload().contentLabel(), cell(o, r -> f(r.savesPerSecond())),
                cell(n, r -> f(r.savesPerSecond())), p.both() ? ratio(n.savesPerSecond(), o.savesPerSecond()) : "n/a",
                cell(o, r -> f(r.failedPercent()) + " %"), cell(n, r -> f(r.failedPercent()) + " %"),
                both(p, r -> f(r.percentileMs(50))), both(p, r -> f(r.percentileMs(95))),
                both(p, r -> f(r.percentileMs(99))), p.both() ? ratio(n.percentileMs(95), o.percentileMs(95)) : "n/a",
                both(p, r -> f(r.cpuMsPerSave())), both(p, r -> String.valueOf(r.problems())));
    }

    static String section(Pair p) {
        StringBuilder md = new StringBuilder("\n## ").append(p.workload().title()).append("\n\n");
        md.append(Markdown.header("", p.old() == null ? "old (not measured)" : p.old().design(),
                p.velocity() == null ? "new (not measured)" : p.velocity().design()));
        md.append(row("clients / files / content", p, r -> r.workload().clients() + " / " + r.workload().files() + " / "
                + r.workload().contentLabel()));
        md.append(row("save attempts", p, r -> r.attempted() + (r.cutByDeadline() ? " (cut by the time limit)" : "")));
        md.append(row("acknowledged saves", p, r -> String.valueOf(r.acknowledged())));
        md.append(row("answered unchanged", p, r -> String.valueOf(r.unchanged())));
        md.append(row("wall time s", p, r -> f(r.seconds())));
        md.append(row("acknowledged saves/s", p, r -> f(r.savesPerSecond())));
        md.append(row("answered attempts/s (incl. rejected)", p, r -> f(r.attempted() / r.seconds())));
        md.append(row("failed", p, r -> r.failed() + " (" + f(r.failedPercent()) + " %)"));
        md.append(row("failure kinds", p, Result::failureKinds));
        md.append(row("latency p50 / p95 / p99 ms", p, Result::latencies));
        md.append(row("CPU s during the workload: PostgreSQL / service", p, r -> f(r.pgCpuSeconds()) + " / "
                + (Double.isNaN(r.serviceCpuSeconds()) ? "not involved" : f(r.serviceCpuSeconds()))));
        md.append(row("CPU ms per acknowledged save / per attempt", p,
                r -> f(r.cpuMsPerSave()) + " / " + f(r.cpuMsPerAttempt())));
        md.append(row("rejected saves: latency p50 / p95 ms", p, r -> r.failed() == 0 ? "n/a"
                : f(r.failedPercentileMs(50)) + " / " + f(r.failedPercentileMs(95))));
        if (p.workload().lagEvery() > 0) {
            lagRows(md, p);
        }
        md.append(row("current version: markers per file (want 1)", p, WorkloadTable::currentMarkers));
        md.append(row("history check", p, r -> Integrity.line(r.integrity())));
        if (p.velocity() != null && p.velocity().projectCheck() != null) {
            md.append(row("GET /verify", p, r -> r.projectCheck() == null ? "" : r.projectCheck()));
        }
        return md.toString();
    }

    private static void lagRows(StringBuilder md, Pair p) {
        md.append(row("projection lag (ack to GET minVersion answered) p50 / p99 / max ms", p, r -> r.lag() == null
                ? "n/a (reads its own writes)"
                : f(percentile(r.lag().lagNanos(), 50)) + " / " + f(percentile(r.lag().lagNanos(), 99)) + " / "
                + f(percentile(r.lag().lagNanos(), 100)) + " (" + r.lag().lagNanos().length + " probes; every "
                + r.workload().lagEvery() + "th ack, skipped when all 8 probes were busy: " + r.lag().skipped()
                + " skipped; " + r.lag().notVisible() + " not 200)"));
        md.append(row("probe start delay after the ack p50 / p99 ms (want ~0: each lag is then exact)", p,
                r -> r.lag() == null ? "n/a" : f(percentile(r.lag().probeDelayNanos(), 50)) + " / "
                        + f(percentile(r.lag().probeDelayNanos(), 99))));
    }

    private static String currentMarkers(Result r) {
        if (r.integrity().size() > 4) {
            return "max " + r.integrity().stream().mapToInt(Integrity::currentMarkers).max().orElse(0)
                    + ", min " + r.integrity().stream().mapToInt(Integrity::currentMarkers).min().orElse(0);
        }
        StringBuilder markers = new StringBuilder();
        for (Integrity i : r.integrity()) {
            markers.append(markers.length() == 0 ? "" : ", ").append(i.currentMarkers())
                    .append(i.currentVersion() == null ? "" : " (v" + i.currentVersion() + ")");
        }
        return markers.toString();
    }

    private static String row(String label, Pair p, Function<Result, String> cell) {
        return Markdown.row(label, cell(p.old(), cell), cell(p.velocity(), cell));
    }

    private static String cell(Result r, Function<Result, String> format) {
        return r == null ? "n/a" : format.apply(r);
    }

    /** "old / new" in one cell. */
    private static String both(Pair p, Function<Result, String> format) {
        return cell(p.old(), format) + " / " + cell(p.velocity(), format);
    }
}
