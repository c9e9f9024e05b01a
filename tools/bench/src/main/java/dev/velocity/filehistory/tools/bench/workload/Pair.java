package dev.velocity.filehistory.tools.bench.workload;

/** One workload on both designs; either may be null (not measured, or a Velocity-only workload). */
record Pair(Result old, Result velocity) {

    Workload workload() {
        return (old != null ? old : velocity).workload();
    }

    boolean both() {
        return old != null && velocity != null;
    }
}
