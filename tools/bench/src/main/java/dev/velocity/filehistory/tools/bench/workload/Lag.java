package dev.velocity.filehistory.tools.bench.workload;

/**
 * Projection lag samples (sorted nanoseconds from the ack until a GET with minVersion answered), how long after the
 * ack each probe started, and how many samples were skipped (all probe slots busy) or did not answer 200.
 */
record Lag(long[] lagNanos, long[] probeDelayNanos, int skipped, int notVisible) {}
