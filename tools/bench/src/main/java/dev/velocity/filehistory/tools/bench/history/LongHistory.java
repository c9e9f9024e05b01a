package dev.velocity.filehistory.tools.bench.history;

import dev.velocity.filehistory.tools.bench.design.FillResult;
import dev.velocity.filehistory.tools.bench.design.Integrity;

/**
 * One file built to many versions on one design: saves timed at the start (versions 2..window+1) and at the top,
 * the untimed fill between, and the reads timed at the end (sorted nanoseconds each).
 */
record LongHistory(String design, int target, int reached, int window, long[] early, long[] late, FillResult fill,
                   Reads reads, Integrity integrity, String projectCheck) {

    /** The timed reads of the full history; {@code failure} names the read that failed (the rest are then empty). */
    record Reads(long[] newestPage, long[] oldestPage, long[] versions, long[] listsAsOf, long[] contentsAsOf,
                 String failure) {}
}
