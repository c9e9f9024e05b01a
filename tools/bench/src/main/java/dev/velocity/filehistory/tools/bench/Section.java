package dev.velocity.filehistory.tools.bench;

/**
 * One part of the bench that BENCH_ONLY can name: it measures the designs and returns what it found, which
 * renders itself into the report. A new section is a class of this and one line in {@link Sections}.
 */
public interface Section {

    /** Its name in BENCH_ONLY and in the report. */
    String key();

    /** Whether it must run before all others, right after the warm-up (storage: no other workload's dead space). */
    default boolean runsFirst() {
        return false;
    }

    SectionResult run(BenchRun run) throws Exception;
}
