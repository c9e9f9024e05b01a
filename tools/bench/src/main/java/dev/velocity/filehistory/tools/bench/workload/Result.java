package dev.velocity.filehistory.tools.bench.workload;

import static dev.velocity.filehistory.tools.bench.Format.f;

import dev.velocity.filehistory.tools.bench.Stats;
import dev.velocity.filehistory.tools.bench.design.Integrity;
import java.util.List;
import java.util.Map;

/** What one workload came to on one design. {@code lag} is null where no probe ran. */
record Result(Workload workload, String design, int attempted, int acknowledged, int unchanged,
              Map<String, Integer> failures, double seconds, long[] ackNanos, long[] failNanos, boolean cutByDeadline,
              List<Integrity> integrity, String projectCheck, double pgCpuSeconds, double serviceCpuSeconds, Lag lag) {

    double savesPerSecond() {
        return acknowledged / seconds;
    }

    int failed() {
        return failures.values().stream().mapToInt(Integer::intValue).sum();
    }

    double failedPercent() {
        return attempted == 0 ? 0 : 100.0 * failed() / attempted;
    }

    double percentileMs(double p) {
        return Stats.percentile(ackNanos, p);
    }

    double failedPercentileMs(double p) {
        return Stats.percentile(failNanos, p);
    }

    /** PostgreSQL's CPU, plus the service's where it takes part. */
    double cpuSeconds() {
        return pgCpuSeconds + (Double.isNaN(serviceCpuSeconds) ? 0 : serviceCpuSeconds);
    }

    double cpuMsPerSave() {
        return acknowledged == 0 ? Double.NaN : cpuSeconds() * 1000 / acknowledged;
    }

    double cpuMsPerAttempt() {
        return attempted == 0 ? Double.NaN : cpuSeconds() * 1000 / attempted;
    }

    /** Gaps, duplicates, lost or twice-announced saves, unacknowledged versions, files not one current: want 0. */
    int problems() {
        return integrity.stream().mapToInt(Integrity::problems).sum();
    }

    String failureKinds() {
        if (failures.isEmpty()) {
            return "none";
        }
        StringBuilder kinds = new StringBuilder();
        failures.forEach((kind, n) -> kinds.append(kinds.length() == 0 ? "" : "; ").append(kind).append(": ").append(n));
        return kinds.toString();
    }

    /** p50 / p95 / p99 ms of the acknowledged saves. */
    String latencies() {
        return f(percentileMs(50)) + " / " + f(percentileMs(95)) + " / " + f(percentileMs(99));
    }
}
