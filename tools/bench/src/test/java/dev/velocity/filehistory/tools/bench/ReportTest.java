package dev.velocity.filehistory.tools.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What a section adds to the report: its target rows among everyone's, sorted by target, and its own tables. */
class ReportTest {

    private static SectionResult section(List<TargetRow> targets, List<String> summary, String details) {
        return new SectionResult() {
            @Override
            public List<TargetRow> targets(Results all) {
                return targets;
            }

            @Override
            public List<String> summaryRows() {
                return summary;
            }

            @Override
            public String details() {
                return details;
            }
        };
    }

    @Test
    void targetRowsOfAllSectionsAreSortedByTargetAndEachSectionAddsItsTables() {
        SectionResult floor = section(List.of(new TargetRow(18, "HTTP floor: p99 ms", "n/a", "0.9", "n/a",
                "≤ 1 ms", true)), List.of(), "\n## HTTP floor\n");
        SectionResult big = section(List.of(TargetRow.report(6, "big | files", "1", "2", "2.00×")), List.of(),
                "\n## Big files\n");

        String md = Report.render(Map.of("date", "2026-12-04T00:00:00Z", "mode", "quick"), new Results(List.of(floor, big)),
                "run with --old-only", true);

        assertThat(md).startsWith("# Velocity benchmark: 2026-12-04T00:00:00Z");
        assertThat(md).contains("| mode | quick |").contains("**New design not measured:** run with --old-only")
                .contains("**Quick run:**");
        assertThat(md.indexOf("| 6. big \\| files | 1 | 2 | 2.00× | report | n/a |"))
                .isPositive().isLessThan(md.indexOf("| 18. HTTP floor: p99 ms | n/a | 0.9 | n/a | ≤ 1 ms | yes |"));
        assertThat(md.indexOf("## HTTP floor")).isLessThan(md.indexOf("## Big files"));
        assertThat(md).doesNotContain("## Summary");
    }

    @Test
    void theSummaryTableShowsWhenASectionHasRows() {
        String md = Report.render(Map.of(), new Results(List.of(section(List.of(),
                List.of(Markdown.row("w", "c", "1", "2", "2.00×", "0 %", "0 %", "", "", "", "", "", "0 / 0")), ""))),
                null, false);

        assertThat(md).contains("## Summary (ratios are new/old)").contains("| w | c | 1 | 2 | 2.00× |");
    }

    @Test
    void percentilesAreNearestRankInMilliseconds() {
        long[] nanos = {1_000_000, 2_000_000, 3_000_000, 4_000_000};

        assertThat(Stats.percentile(nanos, 50)).isEqualTo(2.0);
        assertThat(Stats.percentile(nanos, 99)).isEqualTo(4.0);
        assertThat(Stats.percentile(new long[0], 50)).isNaN();
        assertThat(Format.f(Double.NaN)).isEqualTo("n/a");
        assertThat(Format.ratio(3, 2)).isEqualTo("1.50×");
    }
}
