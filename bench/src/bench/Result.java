package bench;

import java.util.List;
import java.util.Map;

import static bench.Stats.*;

/** What one workload came to on one design. */
record Result(Workload workload, String design, int clients, int attempted, int acknowledged, int unchanged,
              Map<String, Integer> failures, double seconds, long[] ackNanos, long[] failNanos, boolean cutByDeadline,
              List<Integrity> integrity, String projectCheck, double pgCpuSeconds, double serviceCpuSeconds,
              long[] lagNanos, long[] probeDelayNanos, int lagSkipped, int lagNotVisible) {
    double savesPerSecond() { return acknowledged / seconds; }
    int failed() { return failures.values().stream().mapToInt(Integer::intValue).sum(); }
    double failedPercent() { return attempted == 0 ? 0 : 100.0 * failed() / attempted; }
    double percentileMs(double p) { return percentile(ackNanos, p); }
    double failedPercentileMs(double p) { return percentile(failNanos, p); }
}
