package dev.velocity.filehistory.tools.bench.history;

import static dev.velocity.filehistory.tools.bench.Format.f;
import static dev.velocity.filehistory.tools.bench.Format.p3;
import static dev.velocity.filehistory.tools.bench.Format.ratio;
import static dev.velocity.filehistory.tools.bench.Stats.meanMs;
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

/** The long history on each design: targets 5 (no slowdown with length) and 9 (point in time), and its table. */
record HistoryResults(List<LongHistory> histories) implements SectionResult {

    @Override
    public List<TargetRow> targets(Results all) {
        LongHistory o = of(false);
        LongHistory n = of(true);
        if (o == null && n == null) {
            return List.of();
        }
        LongHistory any = n != null ? n : o;
        List<TargetRow> rows = new ArrayList<>();
        rows.add(new TargetRow(5, "long history (" + any.target() + " versions): versions reached",
                o == null ? "n/a" : String.valueOf(o.reached()), n == null ? "n/a" : String.valueOf(n.reached()), "n/a",
                "= " + any.target(), n == null ? null : n.reached() >= n.target()));
        rows.add(new TargetRow(5, "save latency, last " + any.window() + " vs first " + any.window() + " versions",
                lateEarly(o), lateEarly(n), "n/a", "p50 late/early ≤ 1.2×",
                n == null ? null : atMost(percentile(n.late(), 50) / percentile(n.early(), 50), 1.2)));
        rows.add(read("history, newest page (limit=50)", o, n, LongHistory.Reads::newestPage));
        rows.add(read("history, oldest page (before=51)", o, n, LongHistory.Reads::oldestPage));
        rows.add(read("content of random version K", o, n, LongHistory.Reads::versions));
        if (n != null && n.reads().listsAsOf().length > 0) {
            rows.add(new TargetRow(9, "point in time in a " + n.reached() + "-event project: list / content p50 / p99 / "
                    + "max ms", "n/a", p3(n.reads().listsAsOf()) + "; " + p3(n.reads().contentsAsOf()), "n/a",
                    "Velocity ≤ 50 ms (issue 9)", atMost(Math.max(percentile(n.reads().listsAsOf(), 99),
                    percentile(n.reads().contentsAsOf(), 99)), 50)));
        }
        return rows;
    }

    private static TargetRow read(String what, LongHistory o, LongHistory n, Function<LongHistory.Reads, long[]> pick) {
        return new TargetRow(5, what + ": p50 / p99 / max ms", o == null ? "n/a" : p3(pick.apply(o.reads())),
                n == null ? "n/a" : p3(pick.apply(n.reads())), o == null || n == null ? "n/a"
                : "p99 " + ratio(percentile(pick.apply(n.reads()), 99), percentile(pick.apply(o.reads()), 99)),
                "Velocity p99 ≤ 20 ms", n == null ? null
                : n.reads().failure() != null ? Boolean.FALSE : atMost(percentile(pick.apply(n.reads()), 99), 20));
    }

    private static String lateEarly(LongHistory h) {
        return h == null ? "n/a" : "p50 " + f(percentile(h.early(), 50)) + " → " + f(percentile(h.late(), 50)) + " ms ("
                + ratio(percentile(h.late(), 50), percentile(h.early(), 50)) + "), mean "
                + ratio(meanMs(h.late()), meanMs(h.early()));
    }

    private LongHistory of(boolean velocity) {
        return histories.stream().filter(h -> h.design().startsWith(velocity ? "new" : "old")).findFirst().orElse(null);
    }

    @Override
    public String details() {
        LongHistory first = histories.get(0);
        StringBuilder md = new StringBuilder("\n## Long history: one file built to ").append(first.target())
                .append(" versions\n\n");
        md.append(Markdown.header(header()));
        md.append(Markdown.row("versions reached", histories, h -> h.reached() + " of " + h.target()));
        md.append(Markdown.row("fill (untimed per save)", histories, HistoryResults::fill));
        md.append(Markdown.row("saves at versions 2.." + (first.window() + 1) + ": mean / p50 / p99 ms", histories,
                h -> meanP50P99(h.early())));
        md.append(Markdown.row("last " + first.window() + " saves (up to the top): mean / p50 / p99 ms", histories,
                h -> meanP50P99(h.late())));
        md.append(Markdown.row("late/early: mean / p50", histories, h -> ratio(meanMs(h.late()), meanMs(h.early()))
                + " / " + ratio(percentile(h.late(), 50), percentile(h.early(), 50))));
        readRows(md);
        md.append(Markdown.row("history check", histories, h -> Integrity.line(List.of(h.integrity()))));
        md.append(Markdown.row("GET /verify", histories, h -> h.projectCheck() == null ? "n/a" : h.projectCheck()));
        md.append("\nSaves are timed one at a time (one client, expectedVersion = last) at the start and at the end; ")
                .append("the fill between is not timed per save. Reads: ").append(first.reads().newestPage().length)
                .append(" of each kind after 5 unmeasured ones; the old design's reads are the equivalent SQL over JDBC, ")
                .append("Velocity's are HTTP.\n");
        return md.toString();
    }

    private void readRows(StringBuilder md) {
        md.append(Markdown.row("history, newest page (limit=50): p50 / p99 / max ms", histories,
                h -> p3(h.reads().newestPage())));
        md.append(Markdown.row("history, oldest page (before=51): p50 / p99 / max ms", histories,
                h -> p3(h.reads().oldestPage())));
        md.append(Markdown.row("content of a random version K: p50 / p99 / max ms", histories,
                h -> p3(h.reads().versions())));
        md.append(Markdown.row("point in time (at=T, T a random version's savedAt): file list / content p50 / p99 / max ms",
                histories, h -> h.reads().listsAsOf().length == 0 ? "n/a"
                        : p3(h.reads().listsAsOf()) + "; " + p3(h.reads().contentsAsOf())));
        md.append(Markdown.row("read failure", histories, h -> h.reads().failure() == null ? "none" : h.reads().failure()));
    }

    private String[] header() {
        List<String> cells = new ArrayList<>(List.of(""));
        histories.forEach(h -> cells.add(h.design()));
        return cells.toArray(String[]::new);
    }

    private static String fill(LongHistory h) {
        return h.fill().acks().size() + " acknowledged of " + h.fill().attempts() + " in " + f(h.fill().seconds())
                + " s (" + h.fill().how() + ")" + (h.fill().cut() ? ", cut by the time limit" : "")
                + (h.fill().failures().isEmpty() ? "" : ", failures " + h.fill().failures());
    }

    private static String meanP50P99(long[] nanos) {
        return f(meanMs(nanos)) + " / " + f(percentile(nanos, 50)) + " / " + f(percentile(nanos, 99));
    }
}
