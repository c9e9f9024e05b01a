package dev.velocity.filehistory.tools.bench;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** The Markdown report: settings, the targets table, the summary of workloads, then each section's own tables. */
final class Report {

    private Report() {}

    static String render(Map<String, String> meta, Results results, String newDesignNote, boolean quick) {
        StringBuilder md = new StringBuilder();
        md.append("# Velocity benchmark: ").append(meta.getOrDefault("date", Instant.now().toString())).append("\n\n");
        md.append("Old design (`atomic_upsert_project_file`, one row per version) against Velocity, ")
                .append("same PostgreSQL instance, same run, same contents. Clients, files and content of each workload are ")
                .append("in its title and in the workload table; see bench/README.md.\n\n");
        settings(md, meta);
        if (newDesignNote != null) {
            md.append("**New design not measured:** ").append(newDesignNote).append("\n\n");
        }
        targets(md, results, quick);
        summary(md, results);
        results.sections().forEach(section -> md.append(section.details()));
        return md.append('\n').toString();
    }

    private static void settings(StringBuilder md, Map<String, String> meta) {
        if (meta.isEmpty()) {
            return;
        }
        md.append(Markdown.header("setting", "value"));
        meta.forEach((key, value) -> {
            if (!key.equals("date")) {
                md.append(Markdown.row(key, value));
            }
        });
        md.append('\n');
    }

    private static void targets(StringBuilder md, Results results, boolean quick) {
        md.append("## Targets of issue 8\n\n");
        if (quick) {
            md.append("**Quick run:** too few saves and reads to judge any target (a p99 of 50 reads is their maximum); ")
                    .append("it shows that every section runs. Judge targets from a default run.\n\n");
        }
        md.append(Markdown.header("target", "old", "Velocity", "Velocity/old", "target", "met?"));
        results.sections().stream().flatMap(section -> section.targets(results).stream())
                .sorted(Comparator.comparingInt(TargetRow::target))
                .forEach(row -> md.append(row.markdown()));
        md.append("\n\"report\": the issue asks for the figure, without a threshold. Each row comes from the workload or ")
                .append("section of the same name below.\n\n");
    }

    private static void summary(StringBuilder md, Results results) {
        List<String> rows = results.sections().stream().flatMap(section -> section.summaryRows().stream()).toList();
        if (rows.isEmpty()) {
            return;
        }
        md.append("## Summary (ratios are new/old)\n\n");
        md.append(Markdown.header("workload", "content", "old saves/s", "new saves/s", "saves/s new/old", "old failed",
                "new failed", "p50 ms old / new", "p95 ms old / new", "p99 ms old / new", "p95 new/old",
                "CPU ms per save old / new", "history problems old / new"));
        rows.forEach(md::append);
        md.append("\nsaves/s counts acknowledged saves only (a rejected save saved nothing); latencies are those of ")
                .append("acknowledged saves. History problems: gaps + duplicate versions + acknowledged saves not stored ")
                .append("or announced twice + versions stored but never acknowledged + files without exactly one current ")
                .append("version (want 0). CPU ms per save: CPU time of PostgreSQL (old) or of PostgreSQL and the service ")
                .append("(new) during the workload, until the read models caught up, divided by the acknowledged saves; ")
                .append("the clients are not counted. For the all-rejected workload read CPU ms per attempt in its section.\n");
    }
}
