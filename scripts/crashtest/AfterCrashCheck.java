package crashtest;

import apiclient.ApiClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/** After a kill: restarts the service and checks that nothing the clients were told was stored is missing. */
final class AfterCrashCheck {

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
        // The read model catches up after the restart; a version that never comes was lost (or never projected).
        long readModelDeadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        launcher.start();
        int checked = 0;
        int contentReads = 0;
        int unacknowledgedButStored = 0;
        for (int c = 0; c < CrashTest.CLIENTS; c++) {
            String path = SaveLoad.path(c);
            Map<Integer, String> mine = load.acked.get(c);
            int lastAck = mine.keySet().stream().mapToInt(Integer::intValue).max().orElse(0);
            ApiClient.History read = load.api.history(load.project, path, lastAck, readModelDeadline);
            read.problems().forEach(findings::fail);
            TreeMap<Integer, String> history = read.versions();
            int top = history.isEmpty() ? 0 : history.lastKey();
            if (top < lastAck) {
                findings.fail(round + ": " + path + " acknowledged v" + lastAck + " but stores only up to v" + top);
            }
            if (!history.isEmpty() && (history.firstKey() != 1 || history.size() != top)) {
                findings.fail(round + ": " + path + " versions are not 1.." + top + " without gaps: " + history.keySet());
            }
            for (Map.Entry<Integer, String> ack : mine.entrySet()) {
                String stored = history.get(ack.getKey());
                if (stored == null) {
                    findings.fail(round + ": " + path + " acknowledged v" + ack.getKey() + " is missing");
                } else if (!stored.equals(ApiClient.sha256(ack.getValue()))) {
                    findings.fail(round + ": " + path + " v" + ack.getKey() + " has hash " + stored
                            + ", acknowledged " + ApiClient.sha256(ack.getValue()));
                }
                checked++;
            }
            unacknowledgedButStored += Math.max(0, top - lastAck);
            contentReads += readBack(round, path, mine, lastAck);
            load.expected[c] = top; // an in-flight save may have been stored without its acknowledgement
        }
        verifyReadModels(round, readModelDeadline);
        findings.note(String.format("%s: after restart %d acknowledged saves checked (%d this round, %d content reads), "
                + "%d stored but unacknowledged in-flight saves", round, checked, savesThisRound, contentReads,
                unacknowledgedButStored));
    }

    /** Reads the content back for the last acknowledged version and every tenth one; returns how many it read. */
    private int readBack(String round, String path, Map<Integer, String> mine, int lastAck) throws Exception {
        int reads = 0;
        for (int version : mine.keySet()) {
            if (version == lastAck || version % 10 == 0) {
                HttpResponse<String> content = get("/api/projects/" + load.project.id() + "/files/content?path=" + path
                        + "&version=" + version);
                reads++;
                if (content.statusCode() != 200 || !mine.get(version).equals(ApiClient.field(content.body(), "content"))
                        || !ApiClient.sha256(mine.get(version)).equals(ApiClient.field(content.body(), "contentHash"))) {
                    findings.fail(round + ": " + path + " v" + version + " content does not read back: "
                            + content.statusCode());
                }
            }
        }
        return reads;
    }

    /**
     * The read models after the restart hold every event exactly once: the verify route waits (bounded) until they
     * have caught up with the event store, then compares them with a fresh replay and checks every hash.
     */
    private void verifyReadModels(String round, long deadline) throws Exception {
        String route = "/api/projects/" + load.project.id() + "/verify";
        HttpResponse<String> verification = get(route);
        while (verification.statusCode() == 503 && System.nanoTime() < deadline) {
            CrashTest.sleep(500);
            verification = get(route);
        }
        String body = verification.body();
        if (verification.statusCode() != 200 || !body.replace(" ", "").contains("\"ok\":true")) {
            findings.fail(round + ": GET /verify did not answer ok: " + verification.statusCode() + " "
                    + body.substring(0, Math.min(body.length(), 500)));
        } else {
            findings.note(round + ": GET /verify ok (" + ApiClient.field(body, "files") + " files, "
                    + ApiClient.field(body, "events") + " events; read models equal a fresh replay)");
        }
    }

    private HttpResponse<String> get(String pathAndQuery) throws Exception {
        return load.api.get(pathAndQuery, load.project.token(), Duration.ofSeconds(30));
    }
}
