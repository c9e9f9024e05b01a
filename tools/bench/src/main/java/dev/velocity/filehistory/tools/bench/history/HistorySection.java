package dev.velocity.filehistory.tools.bench.history;

import dev.velocity.filehistory.tools.bench.BenchOptions;
import dev.velocity.filehistory.tools.bench.BenchRun;
import dev.velocity.filehistory.tools.bench.Section;
import dev.velocity.filehistory.tools.bench.SectionResult;
import dev.velocity.filehistory.tools.bench.design.Design;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The long-history section: one file built to historyVersions versions on each design, saves and reads timed. */
public final class HistorySection implements Section {

    private final int versions;
    private final int bytes;
    private final int reads;
    private final Duration fillDeadline;

    public HistorySection(BenchOptions options) {
        this.versions = options.number("historyVersions", 10000);
        this.bytes = options.number("historyBytes", 4096);
        this.reads = options.number("historyReads", 50);
        this.fillDeadline = options.seconds("historyDeadlineSeconds", 240);
    }

    @Override
    public String key() {
        return "history";
    }

    @Override
    public SectionResult run(BenchRun run) throws Exception {
        List<LongHistory> histories = new ArrayList<>();
        for (Design design : run.designs()) {
            BenchRun.progress("long history (%d versions): %s ...", versions, design.name());
            LongHistory history = HistoryMeasure.measure(design, versions, bytes, fillDeadline, reads);
            histories.add(history);
            BenchRun.progress("  reached %d, fill %.1f s", history.reached(), history.fill().seconds());
        }
        return new HistoryResults(histories);
    }
}
