package dev.velocity.filehistory.tools.bench.workload;

import static org.assertj.core.api.Assertions.assertThat;

import dev.velocity.filehistory.tools.bench.BenchOptions;
import dev.velocity.filehistory.tools.bench.Results;
import dev.velocity.filehistory.tools.bench.TargetRow;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class WorkloadTargetsTest {

    private static final List<Workload> WORKLOADS = Workloads.sections(BenchOptions.parse()).stream()
            .map(section -> (WorkloadSection) section).flatMap(section -> section.workloads().stream()).toList();

    @Test
    void thirtyTwoClientsMeetTheLatencyTargetOnlyWithAP99Within50Ms() {
        assertThat(latencyRow("distinct32", 49).met()).isTrue();
        assertThat(latencyRow("distinct32", 51).met()).isFalse();
        assertThat(latencyRow("distinct8", 51).met()).isNull();
    }

    @Test
    void aRejectedSaveIsSetAgainstAnAcceptedOneOfAnotherSection() {
        Pair accepted = new Pair(result("distinct8", 100, 0, 0.1), result("distinct8", 100, 0, 0.4));
        Pair rejected = new Pair(result("rejected", 0, 100, 0.01), result("rejected", 0, 100, 0.2));
        Results all = new Results(List.of(new WorkloadResults(List.of(accepted), WorkloadTargets::withoutContention),
                new WorkloadResults(List.of(rejected), WorkloadTargets::rejected)));

        List<TargetRow> rows = all.sections().get(1).targets(all);

        assertThat(rows).singleElement().satisfies(row -> {
            assertThat(row.old()).isEqualTo("0.10 vs 1.00");
            assertThat(row.velocity()).isEqualTo("2.00 vs 4.00");
            assertThat(row.ratio()).isEqualTo("rejected/accepted (Velocity) 0.50×");
        });
    }

    private static TargetRow latencyRow(String key, long p99Ms) {
        Result velocity = new Result(workload(key), "new (Velocity)", 100, 100, 0, Map.of(), 1.0,
                LongStream.rangeClosed(1, 100).map(i -> i >= 99 ? p99Ms * 1_000_000 : 1_000_000).sorted().toArray(),
                new long[0], false, List.of(), null, 0.1, 0.1, null);
        List<TargetRow> rows = WorkloadTargets.withoutContention(new Pair(null, velocity), new Results(List.of()));
        return rows.stream().filter(row -> row.what().endsWith("latency p50 / p95 / p99 ms")).findFirst().orElseThrow();
    }

    /** {@code rejected} failed attempts besides the acknowledged ones; all CPU counted as PostgreSQL's. */
    private static Result result(String key, int acknowledged, int rejected, double cpuSeconds) {
        return new Result(workload(key), "d", acknowledged + rejected, acknowledged, 0,
                rejected == 0 ? Map.of() : Map.of("version conflict", rejected), 1.0, new long[acknowledged],
                new long[rejected], false, List.of(), null, cpuSeconds, Double.NaN, null);
    }

    private static Workload workload(String key) {
        return WORKLOADS.stream().filter(w -> w.key().equals(key)).findFirst().orElseThrow();
    }
}
