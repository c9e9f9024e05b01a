package dev.velocity.filehistory.launcher;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.stream.Stream;

/** Reads what a live-update subscriber receives: the lines of a server-sent event stream, gathered by a reader. */
final class ServerSentEvents {

    private ServerSentEvents() {
    }

    /**
     * Gathers a stream's lines into {@code lines} on a daemon thread until the stream ends or the test's client
     * goes away (the JDK client then reports "closed", which ends the reading, not the test).
     */
    static void gather(Stream<String> stream, BlockingQueue<String> lines) {
        Thread reader = new Thread(() -> {
            try {
                stream.forEach(lines::add);
            } catch (UncheckedIOException closedByTheTest) {
                // nothing more to gather
            }
        }, "sse-reader");
        reader.setDaemon(true);
        reader.start();
    }

    /** The data of the next {@code count} {@code file-changed} events; fails when they do not all arrive in time. */
    static List<JsonNode> nextFileChanged(BlockingQueue<String> lines, int count, Duration within) {
        List<JsonNode> events = new ArrayList<>();
        String[] eventName = {null};
        await().atMost(within).pollInterval(Duration.ofMillis(50)).until(() -> {
            for (String line = lines.poll(); line != null && events.size() < count; line = lines.poll()) {
                if (line.startsWith("event:")) {
                    eventName[0] = line.substring(6).trim();
                } else if (line.startsWith("data:") && "file-changed".equals(eventName[0])) {
                    events.add(Api.JSON.readTree(line.substring(5)));
                }
            }
            return events.size() == count;
        });
        return events;
    }

    /** The next {@code data:} line of any event; fails when none arrives in time. */
    static String nextData(BlockingQueue<String> lines, Duration within) {
        return await().atMost(within).pollInterval(Duration.ofMillis(50)).until(() -> {
            for (String line = lines.poll(); line != null; line = lines.poll()) {
                if (line.startsWith("data:")) {
                    return line;
                }
            }
            return null;
        }, line -> line != null);
    }
}
