package dev.velocity.filehistory.tools.multinode;

import dev.velocity.filehistory.tools.client.Answer;
import dev.velocity.filehistory.tools.client.History;
import dev.velocity.filehistory.tools.client.HistoryCheck;
import dev.velocity.filehistory.tools.client.Verification;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** After the load, through the proxy: every file's history against what its writers were told, then /verify. */
final class LoadCheck {

    /** How long the read model may take to show a file's newest acknowledged version through the proxy. */
    private static final Duration READ_MODEL_WAIT = Duration.ofSeconds(30);
    private static final Duration VERIFY_WAIT = Duration.ofSeconds(60);

    private final MultiNodeLoad load;

    LoadCheck(MultiNodeLoad load) {
        this.load = load;
    }

    void run() throws Exception {
        int checked = 0;
        for (Map.Entry<String, Map<Integer, String>> file : new TreeMap<>(load.acknowledged).entrySet()) {
            load.failures.addAll(failures(file.getKey(), file.getValue()));
            checked += file.getValue().size();
        }
        System.out.printf("%d files, %d acknowledged saves checked against the history%n", load.acknowledged.size(),
                checked);
        verify();
    }

    private List<String> failures(String path, Map<Integer, String> acknowledged) {
        int newest = acknowledged.keySet().stream().mapToInt(Integer::intValue).max().orElse(0);
        try {
            History history = load.api.history(load.project, path, newest, System.nanoTime() + READ_MODEL_WAIT.toNanos());
            if (history.entries().isEmpty()) {
                return List.of(path + ": no history, though saves were acknowledged");
            }
            return HistoryCheck.failures(path, history, acknowledged);
        } catch (Exception e) {
            return List.of(e.getMessage() == null ? "history of " + path + ": " + e : e.getMessage());
        }
    }

    private void verify() throws Exception {
        Answer<Verification> verification = load.api.verify(load.project, System.nanoTime() + VERIFY_WAIT.toNanos());
        if (!verification.ok() || !verification.body().ok()) {
            load.failures.add("GET /verify: " + verification.status() + " " + verification.abbreviated(500));
        } else {
            System.out.println("GET /verify ok: " + verification.body().files() + " files, "
                    + verification.body().events() + " events");
        }
    }
}
