package dev.velocity.filehistory.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.velocity.filehistory.launcher.Api.Project;
import dev.velocity.filehistory.launcher.Api.Response;
import dev.velocity.filehistory.platform.Sha256;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;

/**
 * Writers that save as the editor does ({@code editor-ui/src/sync/saveQueue.ts}, {@code backoff.ts}): each its own
 * file, each save with the version it last saw and an Idempotency-Key of its own. A 503, 429, other 5xx, 409
 * {@code idempotency-key-in-use} or a lost connection is sent again, the same body with the same key, after the
 * Retry-After delay (without one, the editor's backoff). Unlike the editor, which stops after 8 attempts and shows
 * "Retry", a writer never gives up: the tests measure how long each save waited for its final answer.
 */
final class EditorWriters {

    static final String KEY_IN_USE = "idempotency-key-in-use";

    /**
     * One request: when it was sent and answered, its status, problem type, Retry-After and version (each if any),
     * and its X-Request-Id, which the service's log lines carry.
     */
    record Attempt(long sent, long answered, int status, String problemType, Integer retryAfterSeconds, int version,
                   String requestId) {

        Duration took() {
            return Duration.ofNanos(answered - sent);
        }

        boolean keyInUse() {
            return problemType != null && problemType.endsWith(KEY_IN_USE);
        }
    }

    /** One save, from its first attempt to its final answer; {@code attempts} is empty until the first answer. */
    record Save(int writer, String content, List<Attempt> attempts) {

        long firstSent() {
            return attempts.get(0).sent();
        }

        Attempt last() {
            return attempts.get(attempts.size() - 1);
        }

        boolean acknowledged() {
            return !attempts.isEmpty() && last().status() / 100 == 2;
        }

        Duration waited() {
            return Duration.ofNanos(last().answered() - firstSent());
        }
    }

    private final Api api;
    private final Project project;
    private final String folder;
    private final AtomicBoolean starting = new AtomicBoolean(true);
    private final List<Save> saves = new CopyOnWriteArrayList<>();
    private final List<Thread> threads = new ArrayList<>();

    private EditorWriters(Api api, Project project, String folder) {
        this.api = api;
        this.project = project;
        this.folder = folder;
    }

    /** Starts {@code count} writers, one file each under {@code folder}, saving one after another. */
    static EditorWriters start(Api api, Project project, String folder, int count) {
        EditorWriters writers = new EditorWriters(api, project, folder);
        for (int w = 0; w < count; w++) {
            int writer = w;
            Thread thread = new Thread(() -> writers.write(writer), folder + "-writer-" + w);
            thread.setDaemon(true);
            writers.threads.add(thread);
            thread.start();
        }
        return writers;
    }

    String path(int writer) {
        return folder + "/w" + writer + ".txt";
    }

    int count() {
        return threads.size();
    }

    /** No writer starts another save; each still retries the save it has until that is answered. */
    void stopStarting() {
        starting.set(false);
    }

    /** Waits for every save under way to get its final answer; false if one was still unanswered after {@code cap}. */
    boolean awaitAnswered(Duration cap) throws InterruptedException {
        long deadline = System.nanoTime() + cap.toNanos();
        for (Thread thread : threads) {
            thread.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
        }
        boolean answered = threads.stream().noneMatch(Thread::isAlive);
        threads.forEach(Thread::interrupt);
        return answered;
    }

    /** Every save with at least one answer, in the order they began. */
    List<Save> saves() {
        return saves.stream().filter(s -> !s.attempts().isEmpty())
                .sorted(Comparator.comparingLong(Save::firstSent)).toList();
    }

    List<Attempt> attempts() {
        return saves().stream().flatMap(s -> s.attempts().stream()).toList();
    }

    /**
     * Every acknowledged save is in its file's history with the content it was acknowledged with, versions run 1..N
     * without a gap, and the history holds no version nobody was told about (each save's content is its own).
     */
    void assertEveryAcknowledgedSaveStoredOnce() {
        for (int writer = 0; writer < count(); writer++) {
            int w = writer;
            Map<Integer, String> acknowledged = new TreeMap<>();
            saves().stream().filter(s -> s.writer() == w && s.acknowledged())
                    .forEach(s -> acknowledged.put(s.last().version(), Sha256.hex(s.content())));
            int newest = acknowledged.keySet().stream().max(Integer::compare).orElse(0);
            Response history = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                    .until(() -> api.history(project, path(w), "&limit=1000&minVersion=" + newest),
                            response -> response.status() != 503);
            assertThat(history.status()).as(history.toString()).isEqualTo(200);
            Map<Integer, String> stored = new TreeMap<>();
            history.json().get("entries").forEach(e -> stored.put(e.get("version").asInt(),
                    e.get("contentHash").asText()));
            assertThat(stored.keySet()).as("versions of %s", path(w))
                    .containsExactlyElementsOf(IntStream.rangeClosed(1, stored.size()).boxed().toList());
            assertThat(stored).as("what %s holds against what its writer was told", path(w)).isEqualTo(acknowledged);
        }
    }

    private void write(int writer) {
        int lastSeen = 0;
        for (int n = 0; starting.get() && !Thread.currentThread().isInterrupted(); n++) {
            Save save = new Save(writer, "writer " + writer + " save " + n + "\n", new CopyOnWriteArrayList<>());
            saves.add(save);
            Attempt answer = saveUntilAnswered(save, lastSeen);
            if (answer == null) {
                return;
            }
            if (answer.version() > 0) {
                lastSeen = answer.version();
            }
        }
    }

    /** The editor's loop: resend the same body with the same key until an answer that is not worth retrying. */
    private Attempt saveUntilAnswered(Save save, int expectedVersion) {
        String key = UUID.randomUUID().toString();
        for (int attempt = 1; ; attempt++) {
            long sent = System.nanoTime();
            Attempt answer;
            try {
                answer = answer(sent, api.save(project, path(save.writer()), save.content(), expectedVersion, key));
            } catch (UncheckedIOException lostConnection) {
                answer = new Attempt(sent, System.nanoTime(), 0, null, null, 0, null);
            } catch (IllegalStateException interrupted) {
                return null;
            }
            save.attempts().add(answer);
            Long delay = retryDelayMillis(answer, attempt);
            if (delay == null) {
                return answer;
            }
            try {
                Thread.sleep(delay);
            } catch (InterruptedException e) {
                return null;
            }
        }
    }

    private static Attempt answer(long sent, Response response) {
        long answered = System.nanoTime();
        boolean problem = response.contentType().startsWith("application/problem+json");
        String type = problem ? response.json().path("type").asText(null) : null;
        int version = response.status() / 100 == 2 ? response.version() : 0;
        Integer retryAfter = response.raw().headers().firstValue("Retry-After").map(Integer::valueOf).orElse(null);
        return new Attempt(sent, answered, response.status(), type, retryAfter, version,
                response.raw().headers().firstValue("X-Request-Id").orElse(null));
    }

    /** backoff.ts: Retry-After wins; else "equal jitter" from 500 ms doubling; null when not worth retrying. */
    private Long retryDelayMillis(Attempt answer, int attempt) {
        int status = answer.status();
        boolean retryable = status == 0 || status == 429 || status >= 500 || answer.keyInUse();
        if (!retryable) {
            return null;
        }
        if (answer.retryAfterSeconds() != null) {
            return answer.retryAfterSeconds() * 1000L;
        }
        long ceiling = Math.min(30_000, 500L << Math.min(attempt - 1, 16));
        return ceiling / 2 + ThreadLocalRandom.current().nextLong(ceiling / 2 + 1);
    }
}
