package bench;

import java.time.Duration;

/** One measured workload: who saves what, how often and with which expectedVersion. */
record Workload(String key, String title, int clients, boolean sharedFile, Content content, int bytes, Expect expect,
                int saves, Duration deadline, boolean newOnly, int lagEvery) {
    String contentLabel() {
        return (content == Content.EDIT ? "edit (3 lines changed per save)" : "rewrite (whole file new)") + ", "
                + (bytes >= 1024 ? bytes / 1024 + " KiB" : bytes + " B");
    }
}
