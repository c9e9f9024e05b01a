package dev.velocity.filehistory.tools.bench.workload;

import java.time.Duration;

/**
 * One measured workload: who saves what, how often and with which expectedVersion. {@code newOnly}: Velocity
 * alone; {@code lagEvery} > 0: a projection-lag probe on every Nth acknowledged save.
 */
record Workload(String key, String title, int clients, boolean sharedFile, Content content, int bytes, Expect expect,
                int saves, Duration deadline, boolean newOnly, int lagEvery) {

    /** RANDOM: every save rewrites the whole file with fresh text. EDIT: the client's previous text, 3 lines changed. */
    enum Content { RANDOM, EDIT }

    /** LAST_SEEN: the version the client last saw. NULL: last writer wins. STALE: version 1 of a file at version 2. */
    enum Expect { LAST_SEEN, NULL, STALE }

    /** The files the workload saves to. */
    int files() {
        return sharedFile ? 1 : clients;
    }

    /** Versions each file has before the workload: a stale workload's file is at version 2 so that 1 is stale. */
    int seededVersions() {
        return expect == Expect.STALE ? 2 : 1;
    }

    String contentLabel() {
        return (content == Content.EDIT ? "edit (3 lines changed per save)" : "rewrite (whole file new)") + ", "
                + (bytes >= 1024 ? bytes / 1024 + " KiB" : bytes + " B");
    }
}
