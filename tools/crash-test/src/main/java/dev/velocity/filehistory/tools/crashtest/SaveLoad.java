package dev.velocity.filehistory.tools.crashtest;

import dev.velocity.filehistory.tools.client.ApiClient;
import dev.velocity.filehistory.tools.client.Project;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The save load of the rounds: every client saves its own file, with expectedVersion = its last acknowledged one. */
final class SaveLoad {

    /** A round whose service was killed while its clients were saving. */
    interface Round {
        /** After the clients have stopped: reports the round's load and returns its acknowledged saves. */
        int finish() throws InterruptedException;
    }

    final CrashSettings settings;
    final ApiClient api;
    final Project project;
    final Findings findings;
    /** Per client: acknowledged version -> content. */
    final List<Map<Integer, String>> acked = new ArrayList<>();
    /** Per client: the version its next save expects. */
    final int[] expected;

    SaveLoad(CrashSettings settings, ApiClient api, Project project, Findings findings) {
        this.settings = settings;
        this.api = api;
        this.project = project;
        this.findings = findings;
        this.expected = new int[settings.clients()];
        for (int i = 0; i < settings.clients(); i++) {
            acked.add(new ConcurrentHashMap<>());
        }
    }

    static String path(int client) {
        return "crash/c" + client + "/file.txt";
    }

    /**
     * Saves from every client for the round's load time, then kills the service right after the next
     * acknowledgement and returns while the clients fail.
     */
    Round run(int round, Launcher.KillPlan plan) throws Exception {
        RoundTally tally = new RoundTally();
        List<Thread> clients = new ArrayList<>();
        for (int c = 0; c < settings.clients(); c++) {
            Thread thread = new Thread(new SavingClient(this, tally, round, c), "client-" + c);
            thread.start();
            clients.add(thread);
        }
        Thread.sleep(settings.loadSeconds() * 1000L);
        Launcher.Kill kill = plan.prepare();
        tally.awaitAckToKillAfter();
        kill.now(); // the clients are still saving; they stop when their connections fail
        return () -> {
            for (Thread client : clients) {
                client.join(60_000);
            }
            summarize(round, tally);
            return tally.acknowledged.get();
        };
    }

    private void summarize(int round, RoundTally tally) {
        findings.note(String.format("round %d: %d saves acknowledged by %d clients in %d s up to the kill (%d conflicts, "
                        + "%d 5xx)", round, tally.acknowledged.get(), settings.clients(), settings.loadSeconds(),
                tally.conflicts.get(), tally.serverErrors.get()));
        if (tally.conflicts.get() > 0) {
            findings.fail("round " + round + ": " + tally.conflicts.get() + " conflicts, though each client owns its file");
        }
    }
}
