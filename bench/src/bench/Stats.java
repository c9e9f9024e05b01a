package bench;

/** Latency arithmetic: nanoseconds in, milliseconds out. */
final class Stats {

    private Stats() {}

    static double percentile(long[] sortedNanos, double p) {
        if (sortedNanos == null || sortedNanos.length == 0) return Double.NaN;
        int rank = (int) Math.ceil(p / 100.0 * sortedNanos.length);
        return sortedNanos[Math.max(0, Math.min(sortedNanos.length - 1, rank - 1))] / 1e6;
    }

    static double meanMs(long[] nanos) {
        return nanos.length == 0 ? Double.NaN : java.util.Arrays.stream(nanos).average().orElse(Double.NaN) / 1e6;
    }

    static long[] sorted(java.util.Collection<Long> nanos) {
        return nanos.stream().mapToLong(Long::longValue).sorted().toArray();
    }

    interface Call { void run() throws Exception; }

    static long timed(Call call) throws Exception {
        long start = System.nanoTime();
        call.run();
        return System.nanoTime() - start;
    }
}
