package dev.velocity.filehistory.tools.bench.storage;

import static dev.velocity.filehistory.tools.bench.Format.f;
import static dev.velocity.filehistory.tools.bench.Format.ratio;
import static dev.velocity.filehistory.tools.bench.Stats.percentile;
import static dev.velocity.filehistory.tools.bench.TargetRow.atMost;

import dev.velocity.filehistory.tools.bench.Markdown;
import dev.velocity.filehistory.tools.bench.Results;
import dev.velocity.filehistory.tools.bench.SectionResult;
import dev.velocity.filehistory.tools.bench.TargetRow;
import dev.velocity.filehistory.tools.bench.design.Integrity;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Bytes each design added for one file's versions, against git: target 7 and the section's table. */
record StorageResults(List<Storage> storages, GitStorage git, int kib) implements SectionResult {

    @Override
    public List<TargetRow> targets(Results all) {
        Storage o = of(false);
        Storage n = of(true);
        if (o == null && n == null) {
            return List.of();
        }
        double gitMb = git.failure() != null ? Double.NaN : git.packBytes() / 1e6;
        Function<Storage, String> mb = s -> s == null ? "n/a" : f(s.liveMb(0)) + " MB live, " + ratio(s.liveMb(0), gitMb)
                + " git's " + f(gitMb) + " MB (as written " + f(s.addedMb(0)) + " MB, " + ratio(s.addedMb(0), gitMb) + ")";
        return List.of(new TargetRow(7, "storage, " + (n != null ? n : o).versions() + " versions of ~" + kib
                + " KiB: MB added (vs git)", mb.apply(o), mb.apply(n), o == null || n == null ? "n/a"
                : ratio(n.liveMb(0), o.liveMb(0)), "Velocity live ≤ 5× git", n == null ? null : atMost(n.liveMb(0) / gitMb, 5)));
    }

    private Storage of(boolean velocity) {
        return storages.stream().filter(s -> s.design().startsWith(velocity ? "new" : "old")).findFirst().orElse(null);
    }

    @Override
    public String details() {
        StringBuilder md = new StringBuilder("\n## Storage: one file of ~").append(kib)
                .append(" KiB, 3 lines changed per save, one client\n\n");
        List<String> header = new ArrayList<>(List.of(""));
        storages.forEach(s -> header.add(s.design()));
        header.add("git (gc --aggressive)");
        md.append(Markdown.header(header.toArray(String[]::new)));
        md.append(row("versions / commits", s -> String.valueOf(s.versions()),
                g -> g.failure() == null ? String.valueOf(g.commits()) : "failed: " + g.failure()));
        md.append(row("MB added, live (after VACUUM FULL): sum of pg_total_relation_size (tables + TOAST + indexes) / "
                + "pg_database_size", s -> f(s.liveMb(0)) + " / " + f(s.liveMb(1)), g -> f(g.packBytes() / 1e6)
                + " (objects/pack)"));
        md.append(row("MB added, as written (before VACUUM FULL): relation sizes / pg_database_size",
                s -> f(s.addedMb(0)) + " / " + f(s.addedMb(1)), g -> f(g.objectBytes() / 1e6) + " (all of .git/objects)"));
        md.append(row("ratio to git: live / as written (relation sizes)", s -> git.packBytes() == 0 ? "n/a"
                : ratio(s.liveMb(0), git.packBytes() / 1e6) + " / " + ratio(s.addedMb(0), git.packBytes() / 1e6),
                g -> "1×"));
        md.append(row("save latency p50 / p99 ms; seconds", s -> f(percentile(s.latencies(), 50)) + " / "
                + f(percentile(s.latencies(), 99)) + "; " + f(s.seconds()), g -> "import + gc " + f(g.seconds()) + " s"));
        md.append(row("history check", s -> s.failed() + " failed; " + Integrity.line(List.of(s.integrity())), g -> ""));
        md.append("\nThis section runs right after the warm-up. Bytes: VACUUM FULL + CHECKPOINT before the first save; ")
                .append("after the last one (Velocity: after its read models caught up and 2 s more) a CHECKPOINT (\"as ")
                .append("written\": includes row versions made dead by updates, which autovacuum later frees for reuse) and ")
                .append("then VACUUM FULL + CHECKPOINT (\"live\"). They include the version 1 seed. git holds the same texts ")
                .append("as commits (written with git fast-import, which stores exactly what `git add` + `git commit` would), ")
                .append("packed by `git gc --aggressive`.\n");
        return md.toString();
    }

    private String row(String label, Function<Storage, String> cell, Function<GitStorage, String> gitCell) {
        List<String> cells = new ArrayList<>(List.of(label));
        storages.forEach(s -> cells.add(cell.apply(s)));
        cells.add(gitCell.apply(git));
        return Markdown.row(cells.toArray(String[]::new));
    }
}
