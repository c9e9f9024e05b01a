package crashtest;

import apiclient.ApiClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/** The save load of a round: every client saves its own file, with expectedVersion = its last acknowledged version. */
final class SaveLoad {

    /** A round whose service was killed while its clients were saving. */
    interface Round {
        /** After the clients have stopped: reports the round's load and returns its acknowledged saves. */
        int finish() throws InterruptedException;
    }

    final ApiClient api;
    final ApiClient.Project project;
    private final Findings findings;
    /** Per client: acknowledged version -> content. */
    final List<Map<Integer, String>> acked = new ArrayList<>();
    /** Per client: the version its next save expects. */
    final int[] expected = new int[CrashTest.CLIENTS];

    SaveLoad(ApiClient api, ApiClient.Project project, Findings findings) {
        this.api = api;
        this.project = project;
        this.findings = findings;
        for (int i = 0; i < CrashTest.CLIENTS; i++) {
            acked.add(new ConcurrentHashMap<>());
        }
    }

    static String path(int client) {
        return "crash/c" + client + "/file.txt";
    }

    /**
     * Saves from every client for the round's load time, then kills the service right after the next
     * acknowledgement (when a commit acknowledged too early is most likely still unwritten) and returns while the
     * clients fail.
     */
    Round run(int round, Launcher.KillPlan plan) throws Exception {
        AtomicBoolean killing = new AtomicBoolean();
        AtomicBoolean armed = new AtomicBoolean();
        CountDownLatch ackWhileArmed = new CountDownLatch(1);
        AtomicInteger acks = new AtomicInteger();
        AtomicInteger conflicts = new AtomicInteger();
        AtomicInteger serverErrors = new AtomicInteger();
        List<Thread> clients = new ArrayList<>();
        for (int c = 0; c < CrashTest.CLIENTS; c++) {
            int client = c;
            Thread thread = new Thread(() -> {
                while (true) {
                    int version = expected[client];
                    // Small saves, as autosaves mostly are: the less WAL a save writes, the longer a commit can sit
                    // in PostgreSQL's WAL buffers unwritten when synchronous_commit is off, so a loss shows.
                    String content = "round " + round + " client " + client + " after v" + version + " nonce "
                            + Long.toHexString(System.nanoTime());
                    HttpResponse<String> response;
                    try {
                        response = api.save(project, path(client), content, version, "plaintext", Duration.ofSeconds(30));
                    } catch (Exception e) {
                        return; // the service was killed (or is unreachable): no acknowledgement
                    }
                    int status = response.statusCode();
                    if (status == 200 || status == 201) {
                        int saved = Integer.parseInt(ApiClient.field(response.body(), "version"));
                        String hash = ApiClient.field(response.body(), "contentHash");
                        if (saved != version + 1 || !hash.equals(ApiClient.sha256(content))) {
                            findings.fail(path(client) + ": save on v" + version + " acknowledged as v" + saved
                                    + " with hash " + hash);
                            return;
                        }
                        acked.get(client).put(saved, content);
                        expected[client] = saved;
                        acks.incrementAndGet();
                        if (armed.get()) {
                            ackWhileArmed.countDown();
                        }
                    } else if (status == 409) {
                        conflicts.incrementAndGet();
                        expected[client] = Integer.parseInt(ApiClient.field(response.body(), "currentVersion"));
                    } else {
                        serverErrors.incrementAndGet();
                        if (killing.get()) {
                            return;
                        }
                        CrashTest.sleep(200);
                    }
                }
            }, "client-" + c);
            thread.start();
            clients.add(thread);
        }
        Thread.sleep(CrashTest.LOAD_SECONDS * 1000L);
        Launcher.Kill kill = plan.prepare();
        armed.set(true);
        ackWhileArmed.await(10, TimeUnit.SECONDS);
        killing.set(true);
        kill.now(); // the clients are still saving; they stop when their connections fail
        return () -> {
            for (Thread client : clients) {
                client.join(60_000);
            }
            findings.note(String.format("round %d: %d saves acknowledged by %d clients in %d s up to the kill (%d conflicts, %d 5xx)",
                    round, acks.get(), CrashTest.CLIENTS, CrashTest.LOAD_SECONDS, conflicts.get(), serverErrors.get()));
            if (conflicts.get() > 0) {
                findings.fail("round " + round + ": " + conflicts.get() + " conflicts, though each client owns its file");
            }
            return acks.get();
        };
    }
}
