package dev.velocity.filehistory.tools.bench;

import java.util.Arrays;
import java.util.Collection;

/** Latency arithmetic: nanoseconds in, milliseconds out. */
public final class Stats {

    private Stats() {}

    /** The nearest-rank percentile of sorted nanoseconds, in ms; NaN for no samples. */
    public static double percentile(long[] sortedNanos, double p) {
        if (sortedNanos == null || sortedNanos.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(p / 100.0 * sortedNanos.length);
        return sortedNanos[Math.max(0, Math.min(sortedNanos.length - 1, rank - 1))] / 1e6;
    }

    public static double meanMs(long[] nanos) {
        return nanos.length == 0 ? Double.NaN : Arrays.stream(nanos).average().orElse(Double.NaN) / 1e6;
    }

    public static long[] sorted(Collection<Long> nanos) {
        return nanos.stream().mapToLong(Long::longValue).sorted().toArray();
    }

    /** Something timed that may fail. */
    public interface Call {
        void run() throws Exception;
    }

    public static long timed(Call call) throws Exception {
        long start = System.nanoTime();
        call.run();
        return System.nanoTime() - start;
    }
}
