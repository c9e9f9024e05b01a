package bench;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static bench.Format.*;
import static bench.Stats.*;

/** The Markdown report: settings, targets, the summary, one section per workload, long history, storage. */
final class Report {

    private Report() {}

    /** Set once by {@link Bench#main} from its arguments, before any report is written. */
    static int STORAGE_KIB = 95;
    static boolean QUICK = false;

    static String report(Map<String, String> meta, List<Result[]> pairs, List<LongHistory> histories,
                         List<Storage> storages, GitStorage git, String newDesignNote) {
        StringBuilder md = new StringBuilder();
        md.append("# Velocity benchmark: ").append(meta.getOrDefault("date", Instant.now().toString())).append("\n\n");
        md.append("Old design (`atomic_upsert_project_file`, one row per version) against Velocity, ")
                .append("same PostgreSQL instance, same run, same contents. Clients, files and content of each workload are ")
                .append("in its title and in the workload table; see bench/README.md.\n\n");
        if (!meta.isEmpty()) {
            md.append("| setting | value |\n|---|---|\n");
            meta.forEach((k, v) -> { if (!k.equals("date")) md.append("| ").append(k).append(" | ").append(v.replace("|", "\\|")).append(" |\n"); });
            md.append('\n');
        }
        if (newDesignNote != null) md.append("**New design not measured:** ").append(newDesignNote).append("\n\n");

        Targets.targets(md, pairs, histories, storages, git);

        if (!pairs.isEmpty()) {
            md.append("## Summary (ratios are new/old)\n\n");
            md.append("| workload | content | old saves/s | new saves/s | saves/s new/old | old failed | new failed | p50 ms old / new | p95 ms old / new | p99 ms old / new | p95 new/old | CPU ms per save old / new | history problems old / new |\n");
            md.append("|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
            for (Result[] p : pairs) {
                Result o = p[0], n = p[1];
                md.append("| ").append(p[p[0] != null ? 0 : 1].workload().title())
                        .append(" | ").append(p[p[0] != null ? 0 : 1].workload().contentLabel())
                        .append(" | ").append(cell(o, r -> f(r.savesPerSecond())))
                        .append(" | ").append(cell(n, r -> f(r.savesPerSecond())))
                        .append(" | ").append(o == null || n == null ? "n/a" : ratio(n.savesPerSecond(), o.savesPerSecond()))
                        .append(" | ").append(cell(o, r -> f(r.failedPercent()) + " %"))
                        .append(" | ").append(cell(n, r -> f(r.failedPercent()) + " %"))
                        .append(" | ").append(cell(o, r -> f(r.percentileMs(50)))).append(" / ").append(cell(n, r -> f(r.percentileMs(50))))
                        .append(" | ").append(cell(o, r -> f(r.percentileMs(95)))).append(" / ").append(cell(n, r -> f(r.percentileMs(95))))
                        .append(" | ").append(cell(o, r -> f(r.percentileMs(99)))).append(" / ").append(cell(n, r -> f(r.percentileMs(99))))
                        .append(" | ").append(o == null || n == null ? "n/a" : ratio(n.percentileMs(95), o.percentileMs(95)))
                        .append(" | ").append(cell(o, r -> f(cpuPerSave(r)))).append(" / ").append(cell(n, r -> f(cpuPerSave(r))))
                        .append(" | ").append(cell(o, r -> String.valueOf(problems(r)))).append(" / ").append(cell(n, r -> String.valueOf(problems(r))))
                        .append(" |\n");
            }
            md.append("\nsaves/s counts acknowledged saves only (a rejected save saved nothing); latencies are those of acknowledged saves. ")
                    .append("History problems: gaps + duplicate versions + acknowledged saves not stored or announced twice + ")
                    .append("versions stored but never acknowledged + files without exactly one current version (want 0). ")
                    .append("CPU ms per save: CPU time of PostgreSQL (old) or of PostgreSQL and the service (new) during the ")
                    .append("workload, until the read models caught up, divided by the acknowledged saves; the clients are not counted. ")
                    .append("For the all-rejected workload read CPU ms per attempt in its section.\n");
        }

        for (Result[] p : pairs) {
            Result any = p[0] != null ? p[0] : p[1];
            md.append("\n## ").append(any.workload().title()).append("\n\n");
            md.append("| | ").append(p[0] == null ? "old (not measured)" : p[0].design()).append(" | ")
                    .append(p[1] == null ? "new (not measured)" : p[1].design()).append(" |\n|---|---|---|\n");
            row(md, "clients / files / content", p, r -> r.clients() + " / " + (r.workload().sharedFile() ? 1 : r.clients())
                    + " / " + r.workload().contentLabel());
            row(md, "save attempts", p, r -> String.valueOf(r.attempted()) + (r.cutByDeadline() ? " (cut by the time limit)" : ""));
            row(md, "acknowledged saves", p, r -> String.valueOf(r.acknowledged()));
            row(md, "answered unchanged", p, r -> String.valueOf(r.unchanged()));
            row(md, "wall time s", p, r -> f(r.seconds()));
            row(md, "acknowledged saves/s", p, r -> f(r.savesPerSecond()));
            row(md, "answered attempts/s (incl. rejected)", p, r -> f(r.attempted() / r.seconds()));
            row(md, "failed", p, r -> r.failed() + " (" + f(r.failedPercent()) + " %)");
            row(md, "failure kinds", p, Format::failureKinds);
            row(md, "latency p50 / p95 / p99 ms", p,
                    r -> f(r.percentileMs(50)) + " / " + f(r.percentileMs(95)) + " / " + f(r.percentileMs(99)));
            row(md, "CPU s during the workload: PostgreSQL / service", p,
                    r -> f(r.pgCpuSeconds()) + " / " + (Double.isNaN(r.serviceCpuSeconds()) ? "not involved" : f(r.serviceCpuSeconds())));
            row(md, "CPU ms per acknowledged save / per attempt", p,
                    r -> f(cpuPerSave(r)) + " / " + f(cpuSeconds(r) * 1000 / r.attempted()));
            row(md, "rejected saves: latency p50 / p95 ms", p,
                    r -> r.failed() == 0 ? "n/a" : f(r.failedPercentileMs(50)) + " / " + f(r.failedPercentileMs(95)));
            if (any.workload().lagEvery() > 0) {
                row(md, "projection lag (ack to GET minVersion answered) p50 / p99 / max ms", p, r -> r.lagNanos() == null ? "n/a (reads its own writes)"
                        : f(percentile(r.lagNanos(), 50)) + " / " + f(percentile(r.lagNanos(), 99)) + " / " + f(percentile(r.lagNanos(), 100))
                        + " (" + r.lagNanos().length + " probes; every " + r.workload().lagEvery() + "th ack, skipped when all 8 probes were busy: "
                        + r.lagSkipped() + " skipped; " + r.lagNotVisible() + " not 200)");
                row(md, "probe start delay after the ack p50 / p99 ms (want ~0: each lag is then exact)", p, r -> r.probeDelayNanos() == null ? "n/a"
                        : f(percentile(r.probeDelayNanos(), 50)) + " / " + f(percentile(r.probeDelayNanos(), 99)));
            }
            row(md, "current version: markers per file (want 1)", p, r -> {
                StringBuilder sb = new StringBuilder();
                for (Integrity i : r.integrity()) sb.append(sb.length() == 0 ? "" : ", ").append(i.currentMarkers())
                        .append(i.currentVersion() == null ? "" : " (v" + i.currentVersion() + ")");
                return r.integrity().size() > 4 ? "max " + r.integrity().stream().mapToInt(Integrity::currentMarkers).max().orElse(0)
                        + ", min " + r.integrity().stream().mapToInt(Integrity::currentMarkers).min().orElse(0) : sb.toString();
            });
            row(md, "history check", p, Format::integrityLine);
            if (p[1] != null && p[1].projectCheck() != null) row(md, "GET /verify", p, r -> r.projectCheck() == null ? "" : r.projectCheck());
        }

        if (!histories.isEmpty()) {
            md.append("\n## Long history: one file built to ").append(histories.get(0).target()).append(" versions\n\n");
            md.append("| | ").append(String.join(" | ", histories.stream().map(LongHistory::design).toList())).append(" |\n|---|")
                    .append("---|".repeat(histories.size())).append('\n');
            hrow(md, histories, "versions reached", h -> h.reached() + " of " + h.target());
            hrow(md, histories, "fill (untimed per save)", h -> h.fill().acks().size() + " acknowledged of " + h.fill().attempts()
                    + " in " + f(h.fill().seconds()) + " s (" + h.fill().how() + ")" + (h.fill().cut() ? ", cut by the time limit" : "")
                    + (h.fill().failures().isEmpty() ? "" : ", failures " + h.fill().failures()));
            hrow(md, histories, "saves at versions 2.." + (histories.get(0).window() + 1) + ": mean / p50 / p99 ms",
                    h -> f(meanMs(h.early())) + " / " + f(percentile(h.early(), 50)) + " / " + f(percentile(h.early(), 99)));
            hrow(md, histories, "last " + histories.get(0).window() + " saves (up to the top): mean / p50 / p99 ms",
                    h -> f(meanMs(h.late())) + " / " + f(percentile(h.late(), 50)) + " / " + f(percentile(h.late(), 99)));
            hrow(md, histories, "late/early: mean / p50", h -> ratio(meanMs(h.late()), meanMs(h.early())) + " / "
                    + ratio(percentile(h.late(), 50), percentile(h.early(), 50)));
            hrow(md, histories, "history, newest page (limit=50): p50 / p99 / max ms", h -> p3(h.firstPage()));
            hrow(md, histories, "history, oldest page (before=51): p50 / p99 / max ms", h -> p3(h.lastPage()));
            hrow(md, histories, "content of a random version K: p50 / p99 / max ms", h -> p3(h.versionReads()));
            hrow(md, histories, "point in time (at=T, T a random version's savedAt): file list / content p50 / p99 / max ms", h ->
                    h.listsAsOf().length == 0 ? "n/a" : p3(h.listsAsOf()) + "; " + p3(h.contentsAsOf()));
            hrow(md, histories, "read failure", h -> h.readFailure() == null ? "none" : h.readFailure());
            hrow(md, histories, "history check", h -> integrityLine(List.of(h.integrity())));
            hrow(md, histories, "GET /verify", h -> h.projectCheck() == null ? "n/a" : h.projectCheck());
            md.append("\nSaves are timed one at a time (one client, expectedVersion = last) at the start and at the end; ")
                    .append("the fill between is not timed per save. Reads: ").append(histories.get(0).firstPage().length)
                    .append(" of each kind after 5 unmeasured ones; the old design's reads are the equivalent SQL over JDBC, Velocity's are HTTP.\n");
        }

        if (!storages.isEmpty()) {
            md.append("\n## Storage: one file of ~").append(STORAGE_KIB).append(" KiB, 3 lines changed per save, one client\n\n");
            md.append("| | ").append(String.join(" | ", storages.stream().map(Storage::design).toList())).append(" | git (gc --aggressive) |\n|---|")
                    .append("---|".repeat(storages.size() + 1)).append('\n');
            srow(md, storages, git, "versions / commits", s -> String.valueOf(s.versions()),
                    g -> g.failure() == null ? String.valueOf(g.commits()) : "failed: " + g.failure());
            srow(md, storages, git, "MB added, live (after VACUUM FULL): sum of pg_total_relation_size (tables + TOAST + indexes) / pg_database_size",
                    s -> f(s.liveMb(0)) + " / " + f(s.liveMb(1)), g -> f(g.packBytes() / 1e6) + " (objects/pack)");
            srow(md, storages, git, "MB added, as written (before VACUUM FULL): relation sizes / pg_database_size",
                    s -> f(s.addedMb(0)) + " / " + f(s.addedMb(1)), g -> f(g.objectBytes() / 1e6) + " (all of .git/objects)");
            srow(md, storages, git, "ratio to git: live / as written (relation sizes)", s -> git == null || git.packBytes() == 0 ? "n/a"
                    : ratio(s.liveMb(0), git.packBytes() / 1e6) + " / " + ratio(s.addedMb(0), git.packBytes() / 1e6), g -> "1×");
            srow(md, storages, git, "save latency p50 / p99 ms; seconds", s -> f(percentile(s.latencies(), 50)) + " / "
                    + f(percentile(s.latencies(), 99)) + "; " + f(s.seconds()), g -> "import + gc " + f(g.seconds()) + " s");
            srow(md, storages, git, "history check", s -> s.failed() + " failed; " + integrityLine(List.of(s.integrity())), g -> "");
            md.append("\nThis section runs right after the warm-up. Bytes: VACUUM FULL + CHECKPOINT before the first save; after the last ")
                    .append("one (Velocity: after its read models caught up and 2 s more) a CHECKPOINT (\"as written\": includes row versions ")
                    .append("made dead by updates, which autovacuum later frees for reuse) and then VACUUM FULL + CHECKPOINT (\"live\"). ")
                    .append("They include the version 1 seed. git holds the same texts as commits ")
                    .append("(written with git fast-import, which stores exactly what `git add` + `git commit` would), packed by `git gc --aggressive`.\n");
        }
        md.append('\n');
        return md.toString();
    }
}
