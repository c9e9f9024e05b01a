package dev.velocity.filehistory.tools.crashtest;

import dev.velocity.filehistory.tools.client.Answer;
import dev.velocity.filehistory.tools.client.ContentHash;
import dev.velocity.filehistory.tools.client.FileContent;
import dev.velocity.filehistory.tools.client.History;
import dev.velocity.filehistory.tools.client.HistoryCheck;
import dev.velocity.filehistory.tools.client.Read;
import dev.velocity.filehistory.tools.client.Verification;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/** After a kill: restarts the service and checks that nothing the clients were told was stored is missing. */
final class AfterCrashCheck {

    /** How long the read models may take to catch up after a restart; a version that never comes was lost. */
    private static final long READ_MODEL_SECONDS = 60;

    private record FileResult(int checked, int contentReads, int storedButUnacknowledged) {}

    private final SaveLoad load;
    private final Launcher launcher;
    private final Findings findings;

    AfterCrashCheck(SaveLoad load, Launcher launcher, Findings findings) {
        this.load = load;
        this.launcher = launcher;
        this.findings = findings;
    }

    void verify(String round, SaveLoad.Round killed) throws Exception {
        int savesThisRound = killed.finish();
        long readModelDeadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(READ_MODEL_SECONDS);
        launcher.start();
        int checked = 0;
        int contentReads = 0;
        int storedButUnacknowledged = 0;
        for (int client = 0; client < load.settings.clients(); client++) {
            FileResult file = checkFile(round, client, readModelDeadline);
            checked += file.checked();
            contentReads += file.contentReads();
            storedButUnacknowledged += file.storedButUnacknowledged();
        }
        verifyReadModels(round, readModelDeadline);
        findings.note(String.format("%s: after restart %d acknowledged saves checked (%d this round, %d content reads), "
                + "%d stored but unacknowledged in-flight saves", round, checked, savesThisRound, contentReads,
                storedButUnacknowledged));
    }

    private FileResult checkFile(String round, int client, long readModelDeadline) throws Exception {
        String path = SaveLoad.path(client);
        Map<Integer, String> mine = load.acked.get(client);
        Map<Integer, String> hashes = new TreeMap<>();
        mine.forEach((version, content) -> hashes.put(version, ContentHash.of(content)));
        int lastAck = hashes.keySet().stream().mapToInt(Integer::intValue).max().orElse(0);
        History history = load.api.history(load.project, path, lastAck, readModelDeadline);
        HistoryCheck.failures(path, history, hashes).forEach(failure -> findings.fail(round + ": " + failure));
        TreeMap<Integer, ?> stored = history.hashesByVersion();
        int top = stored.isEmpty() ? 0 : stored.lastKey();
        int reads = readBack(round, path, mine, lastAck);
        load.expected[client] = top; // an in-flight save may have been stored without its acknowledgement
        return new FileResult(mine.size(), reads, Math.max(0, top - lastAck));
    }

    /** Reads the content back for the last acknowledged version and every tenth one; returns how many it read. */
    private int readBack(String round, String path, Map<Integer, String> mine, int lastAck) throws Exception {
        int reads = 0;
        for (Map.Entry<Integer, String> ack : mine.entrySet()) {
            int version = ack.getKey();
            if (version != lastAck && version % 10 != 0) {
                continue;
            }
            Answer<FileContent> read = load.api.content(load.project, path, Read.version(version));
            reads++;
            if (!read.ok() || !ack.getValue().equals(read.body().content())
                    || !ContentHash.of(ack.getValue()).equals(read.body().contentHash())) {
                findings.fail(round + ": " + path + " v" + version + " content does not read back: " + read.status());
            }
        }
        return reads;
    }

    /**
     * The read models after the restart hold every event exactly once: the verify route waits (bounded) until they
     * have caught up with the event store, then compares them with a fresh replay and checks every hash.
     */
    private void verifyReadModels(String round, long deadline) throws Exception {
        Answer<Verification> verification = load.api.verify(load.project, deadline);
        if (!verification.ok() || !verification.body().ok()) {
            findings.fail(round + ": GET /verify did not answer ok: " + verification.status() + " "
                    + verification.abbreviated(500));
        } else {
            findings.note(round + ": GET /verify ok (" + verification.body().files() + " files, "
                    + verification.body().events() + " events; read models equal a fresh replay)");
        }
    }
}
