package dev.velocity.filehistory.tools.crashtest;

import dev.velocity.filehistory.tools.client.Answer;
import dev.velocity.filehistory.tools.client.ContentHash;
import dev.velocity.filehistory.tools.client.Saved;

/** One client of a round: saves its own file, expectedVersion = its last acknowledged version, until it fails. */
final class SavingClient implements Runnable {

    private final SaveLoad load;
    private final RoundTally tally;
    private final int round;
    private final int client;
    private final String path;

    SavingClient(SaveLoad load, RoundTally tally, int round, int client) {
        this.load = load;
        this.tally = tally;
        this.round = round;
        this.client = client;
        this.path = SaveLoad.path(client);
    }

    @Override
    public void run() {
        boolean saving = true;
        while (saving) {
            int version = load.expected[client];
            // Small saves, as autosaves mostly are: the less WAL a save writes, the longer a commit can sit in
            // PostgreSQL's WAL buffers unwritten when synchronous_commit is off, so a loss shows.
            String content = "round " + round + " client " + client + " after v" + version + " nonce "
                    + Long.toHexString(System.nanoTime());
            Answer<Saved> answer;
            try {
                answer = load.api.save(load.project, path, content, version, "plaintext");
            } catch (Exception e) {
                return; // the service was killed (or is unreachable): no acknowledgement
            }
            saving = answer.ok() ? acknowledged(answer.body(), version, content) : refused(answer);
        }
    }

    private boolean acknowledged(Saved saved, int version, String content) {
        if (saved.version() != version + 1 || !saved.contentHash().equals(ContentHash.of(content))) {
            load.findings.fail(path + ": save on v" + version + " acknowledged as v" + saved.version() + " with hash "
                    + saved.contentHash());
            return false;
        }
        load.acked.get(client).put(saved.version(), content);
        load.expected[client] = saved.version();
        tally.acknowledge();
        return true;
    }

    private boolean refused(Answer<Saved> answer) {
        if (answer.status() == 409) {
            tally.conflicts.incrementAndGet();
            if (answer.problem() == null || answer.problem().currentVersion() == null) {
                load.findings.fail(path + ": a 409 without currentVersion: " + answer.abbreviated(300));
                return false;
            }
            load.expected[client] = answer.problem().currentVersion();
            return true;
        }
        tally.serverErrors.incrementAndGet();
        if (tally.killing()) {
            return false;
        }
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        return true;
    }
}
