package dev.velocity.filehistory.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.velocity.filehistory.launcher.Api.Project;
import dev.velocity.filehistory.launcher.Api.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** api.md, Save: the same Idempotency-Key with the same body returns the first answer and adds nothing. */
class IdempotencyIT extends RunningSystem {

    private static String key() {
        return UUID.randomUUID().toString();
    }

    private static void assertSameAnswer(Response retry, Response first) {
        assertThat(retry.status()).as(retry.toString()).isEqualTo(first.status());
        assertThat(retry.json()).isEqualTo(first.json());
    }

    private static void assertProblem(Response response, int status, String typeSuffix) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("type").asText()).endsWith(typeSuffix);
        assertThat(response.json().hasNonNull("detail")).isTrue();
    }

    private JsonNode storedKey(Project project, String key) {
        String response = jdbc.queryForObject("SELECT response FROM idempotency_keys WHERE project_id = ?::uuid "
                + "AND user_name = ? AND idempotency_key = ?", String.class, project.id(), project.user(), key);
        return readTree(response);
    }

    private static JsonNode readTree(String json) {
        try {
            return Api.JSON.readTree(json);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void aRetryWithTheSameKeyAndBodyGetsTheFirstAnswerAndAddsNothing() {
        Project project = api.createProject("idem", "alice");
        String create = key();
        Response created = api.save(project, "a.txt", "one", 0, create);
        long events = storedEvents();

        assertSameAnswer(api.save(project, "a.txt", "one", 0, create), created);
        assertThat(created.status()).isEqualTo(201);

        String save = key();
        Response saved = api.save(project, "a.txt", "two", 1, save);
        assertThat(saved.version()).isEqualTo(2);
        assertSameAnswer(api.save(project, "a.txt", "two", 1, save), saved);
        assertSameAnswer(api.save(project, "a.txt", "one", 0, create), created);
        assertThat(storedEvents()).isEqualTo(events + 1);
    }

    @Test
    void aLostAnswerIsRecoveredAfterAnotherClientSavedMeanwhile() {
        Project alice = api.createProject("idem", "alice");
        Project bob = api.addMember(alice, "bob");
        api.save(alice, "a.txt", "v1", 0);
        String key = key();
        Response lost = api.save(alice, "a.txt", "alice's v2", 1, key);
        Response bobs = api.save(bob, "a.txt", "bob's v3", 2);
        long events = storedEvents();

        Response retry = api.save(alice, "a.txt", "alice's v2", 1, key);

        assertSameAnswer(retry, lost);
        assertThat(retry.version()).isEqualTo(2);
        assertThat(bobs.version()).isEqualTo(3);
        assertThat(storedEvents()).isEqualTo(events);
        assertThat(api.content(alice, "a.txt", "&minVersion=3").json().get("content").asText()).isEqualTo("bob's v3");
    }

    @Test
    void theSameKeyWithADifferentBodyIs422AndStoresNothing() {
        Project project = api.createProject("idem", "alice");
        String key = key();
        api.save(project, "a.txt", "one", 0, key);
        long events = storedEvents();

        assertProblem(api.save(project, "a.txt", "other", 1, key), 422, "idempotency-key-reused");
        assertProblem(api.save(project, "b.txt", "one", 0, key), 422, "idempotency-key-reused");
        assertThat(storedEvents()).isEqualTo(events);
        assertThat(api.content(project, "a.txt", "&minVersion=1").json().get("version").asInt()).isEqualTo(1);
    }

    @Test
    void keysAreScopedToTheUserAndTheProject() {
        Project alice = api.createProject("idem", "alice");
        Project bob = api.addMember(alice, "bob");
        Project elsewhere = api.createProject("other", "alice");
        String key = key();
        api.save(alice, "a.txt", "alice's", 0, key);

        assertThat(api.save(bob, "a.txt", "bob's", 1, key).version()).isEqualTo(2);
        assertThat(api.save(elsewhere, "a.txt", "elsewhere", 0, key).status()).isEqualTo(201);
    }

    @Test
    void keysLiveInPostgresForADayAndThenExpire() {
        Project project = api.createProject("idem", "alice");
        String key = key();
        Response first = api.save(project, "a.txt", "one", 0, key);

        assertThat(storedKey(project, key).get("version").asInt()).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT status FROM idempotency_keys WHERE idempotency_key = ?",
                Integer.class, key)).isEqualTo(201);
        age(key, "23 hours");
        assertSameAnswer(api.save(project, "a.txt", "one", 0, key), first);
        assertProblem(api.save(project, "a.txt", "two", 1, key), 422, "idempotency-key-reused");

        age(key, "25 hours");
        Response afterExpiry = api.save(project, "a.txt", "two", 1, key);
        assertThat(afterExpiry.status()).as(afterExpiry.toString()).isEqualTo(200);
        assertThat(afterExpiry.version()).isEqualTo(2);
        assertThat(storedKey(project, key).get("version").asInt()).isEqualTo(2);
    }

    private void age(String key, String age) {
        jdbc.update("UPDATE idempotency_keys SET created_at = now() - ?::interval WHERE idempotency_key = ?", age,
                key);
    }

    @Test
    void theAnswerCommitsInTheTransactionThatStoresTheEvent() {
        Project project = api.createProject("idem", "alice");
        String key = key();
        String fileId = api.save(project, "a.txt", "one", 0, key).json().get("fileId").asText();

        String eventTransaction = jdbc.queryForObject("SELECT xmin::text FROM domainevententry "
                + "WHERE aggregateidentifier = ? AND sequencenumber = 0", String.class, fileId);
        String answerTransaction = jdbc.queryForObject("SELECT xmin::text FROM idempotency_keys "
                + "WHERE idempotency_key = ?", String.class, key);
        assertThat(answerTransaction).isEqualTo(eventTransaction);
    }

    @Test
    void anAttemptCutBetweenTakingItsKeyAndCommittingLeavesTheKeyFreeForItsRetry() throws Exception {
        Project project = api.createProject("idem", "alice");
        String key = key();
        long events = storedEvents();
        Response cut;
        try (HeldEventAppends appends = new HeldEventAppends(jdbc)) {
            Future<Response> first = inBackground(() -> api.save(project, "a.txt", "one", 0, key));
            jdbc.queryForObject("SELECT pg_terminate_backend(?)", Boolean.class, appends.awaitHeldCommand());
            cut = first.get();
        }

        assertProblem(cut, 503, "database-unavailable");
        Response retry = api.save(project, "a.txt", "one", 0, key);
        assertThat(retry.status()).as(retry.toString()).isEqualTo(201);
        assertSameAnswer(api.save(project, "a.txt", "one", 0, key), retry);
        assertThat(storedEvents()).isEqualTo(events + 1);
    }

    @Test
    void aRetryWhileTheFirstAttemptStillRunsGetsItsAnswer() throws Exception {
        Project project = api.createProject("idem", "alice");
        String key = key();
        long events = storedEvents();
        Future<Response> first;
        Future<Response> retry;
        try (HeldEventAppends appends = new HeldEventAppends(jdbc)) {
            first = inBackground(() -> api.save(project, "a.txt", "one", 0, key));
            appends.awaitHeldCommand();
            retry = inBackground(() -> api.save(project, "a.txt", "one", 0, key));
            Thread.sleep(300); // the retry finds the key taken and waits for the first attempt's answer
            appends.release();
        }

        assertThat(first.get().status()).as(first.get().toString()).isEqualTo(201);
        assertSameAnswer(retry.get(), first.get());
        assertThat(storedEvents()).isEqualTo(events + 1);
    }

    @Test
    void aClaimWithoutAnAnswerLeftByTheDesignBeforeIsNoObstacle() {
        Project project = api.createProject("idem", "alice");
        String key = key();
        jdbc.update("INSERT INTO idempotency_keys (project_id, user_name, idempotency_key, request_sha256, "
                + "claim_token, created_at, claimed_at) VALUES (?::uuid, ?, ?, ?, gen_random_uuid(), now(), now())",
                project.id(), project.user(), key, "0".repeat(64));

        Response saved = api.save(project, "a.txt", "one", 0, key);

        assertThat(saved.status()).as(saved.toString()).isEqualTo(201);
        assertSameAnswer(api.save(project, "a.txt", "one", 0, key), saved);
        assertThat(storedKey(project, key).get("version").asInt()).isEqualTo(1);
    }

    private static Future<Response> inBackground(Callable<Response> request) {
        ExecutorService thread = Executors.newSingleThreadExecutor();
        Future<Response> response = thread.submit(request);
        thread.shutdown();
        return response;
    }

    @Test
    void aRejectedRequestKeepsNoAnswerSoItsKeyCanBeRetried() {
        Project project = api.createProject("idem", "alice");
        api.save(project, "a.txt", "one", 0);
        String key = key();

        assertProblem(api.save(project, "a.txt", "two", 5, key), 409, "version-conflict");
        assertThat(api.save(project, "a.txt", "two", 1, key).version()).isEqualTo(2);
    }

    @Test
    void concurrentRequestsWithOneKeyRunTheCommandOnce() throws Exception {
        Project project = api.createProject("idem", "alice");
        api.save(project, "a.txt", "one", 0);
        String key = key();
        long events = storedEvents();
        int clients = 8;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<Response>> answers = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            answers.add(pool.submit(() -> {
                start.await();
                return api.save(project, "a.txt", "two", null, key);
            }));
        }
        start.countDown();
        List<Response> saved = new ArrayList<>();
        for (Future<Response> answer : answers) {
            Response response = answer.get();
            if (response.status() == 409) {
                assertProblem(response, 409, "idempotency-key-in-use");
                assertThat(response.raw().headers().firstValue("Retry-After")).isPresent();
            } else {
                saved.add(response);
            }
        }
        pool.shutdown();

        assertThat(saved).isNotEmpty().allSatisfy(response -> assertSameAnswer(response, saved.get(0)));
        assertThat(saved.get(0).version()).isEqualTo(2);
        assertThat(storedEvents()).isEqualTo(events + 1);
    }

    @Test
    void moveDeleteAndRestoreRetriesGetTheFirstAnswer() {
        Project project = api.createProject("idem", "alice");
        api.save(project, "a.txt", "one", 0);
        String files = Api.files(project);
        Map<String, String> json = Map.of("Content-Type", "application/json", "Idempotency-Key", "move-1");
        String move = Api.body("from", "a.txt", "to", "b.txt", "expectedVersion", 1);
        Response moved = api.send("POST", files + "/move", project.token(), move, json);
        Map<String, String> deleteKey = Map.of("Idempotency-Key", "delete-1");
        Response deleted = api.send("DELETE", files + "?path=b.txt&expectedVersion=2", project.token(), null, deleteKey);
        Map<String, String> restoreKey = Map.of("Content-Type", "application/json", "Idempotency-Key", "restore-1");
        String restore = Api.body("path", "b.txt", "version", 1, "expectedVersion", 3);
        Response restored = api.send("POST", files + "/restore", project.token(), restore, restoreKey);
        long events = storedEvents();

        assertSameAnswer(api.send("POST", files + "/move", project.token(), move, json), moved);
        assertSameAnswer(api.send("DELETE", files + "?path=b.txt&expectedVersion=2", project.token(), null, deleteKey),
                deleted);
        assertSameAnswer(api.send("POST", files + "/restore", project.token(), restore, restoreKey), restored);
        assertThat(restored.version()).isEqualTo(4);
        assertThat(storedEvents()).isEqualTo(events);
    }

    @Test
    void anInvalidKeyIs400() {
        Project project = api.createProject("idem", "alice");
        assertProblem(api.save(project, "a.txt", "one", 0, "x".repeat(256)), 400, "invalid-request");
        assertProblem(api.save(project, "a.txt", "one", 0, "with space"), 400, "invalid-request");
    }
}
