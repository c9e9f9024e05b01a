package dev.velocity.filehistory.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.velocity.filehistory.launcher.Api.Project;
import dev.velocity.filehistory.launcher.Api.Response;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every route of api.md's projects, commands and queries, as a client sees them. */
class ApiIT extends RunningSystem {

    private Project project() {
        return api.createProject("demo", "alice");
    }

    private static void assertProblem(Response response, int status, String typeSuffix) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        JsonNode problem = response.json();
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.hasNonNull("title")).isTrue();
        assertThat(problem.hasNonNull("detail")).isTrue();
        assertThat(problem.get("type").asText()).endsWith(typeSuffix);
    }

    @Test
    void createProjectAnswersWithATokenThatIsStoredOnlyHashed() {
        Response response = api.send("POST", "/api/projects", null, Api.body("name", "demo", "user", "alice"));

        assertThat(response.status()).isEqualTo(201);
        JsonNode json = response.json();
        assertThat(UUID.fromString(json.get("projectId").asText())).isNotNull();
        assertThat(json.get("name").asText()).isEqualTo("demo");
        assertThat(json.get("user").asText()).isEqualTo("alice");
        String token = json.get("token").asText();
        assertThat(token).hasSizeGreaterThan(30);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM access_tokens WHERE token_sha256 = ?", Long.class,
                token)).isZero();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM access_tokens WHERE token_sha256 = ?", Long.class,
                sha256(token))).isOne();
    }

    @Test
    void noEventEverContainsAToken() {
        Project project = project();
        Project bob = api.addMember(project, "bob");
        api.save(project, "a.txt", "hello", 0);
        api.save(bob, "a.txt", "hello bob", 1);

        List<String> stored = jdbc.query("SELECT convert_from(payload, 'UTF8') || coalesce(convert_from(metadata, "
                + "'UTF8'), '') FROM domainevententry", (rs, i) -> rs.getString(1));
        assertThat(stored).isNotEmpty().noneMatch(text -> text.contains(project.token()) || text.contains(bob.token())
                || text.contains(sha256(project.token())));
    }

    @Test
    void saveCreatesVersionOneThenAddsVersions() {
        Project project = project();
        String content = "const π = 3.14;\n";

        Response created = api.save(project, "src/app.js", content, 0);
        assertThat(created.status()).isEqualTo(201);
        JsonNode body = created.json();
        assertThat(body.get("projectId").asText()).isEqualTo(project.id());
        assertThat(body.get("path").asText()).isEqualTo("src/app.js");
        assertThat(body.get("version").asInt()).isEqualTo(1);
        assertThat(body.get("contentHash").asText()).isEqualTo(sha256(content));
        assertThat(body.get("sizeBytes").asLong()).isEqualTo(content.getBytes(StandardCharsets.UTF_8).length);
        assertThat(body.get("savedBy").asText()).isEqualTo("alice");
        assertThat(body.get("changed").asBoolean()).isTrue();
        assertThat(body.hasNonNull("savedAt")).isTrue();
        String fileId = body.get("fileId").asText();

        Response saved = api.save(project, "src/app.js", "const π = 3.1416;\n", 1);
        assertThat(saved.status()).isEqualTo(200);
        assertThat(saved.version()).isEqualTo(2);
        assertThat(saved.json().get("fileId").asText()).isEqualTo(fileId);

        Response withoutCheck = api.save(project, "src/app.js", "last writer wins", null);
        assertThat(withoutCheck.status()).isEqualTo(200);
        assertThat(withoutCheck.version()).isEqualTo(3);
    }

    @Test
    void staleSaveGets409WithTheCurrentVersionAndStoresNothing() {
        Project project = project();
        api.save(project, "a.txt", "one", 0);
        api.save(project, "a.txt", "two", 1);
        long before = storedEvents();

        Response stale = api.save(project, "a.txt", "three", 1);

        assertProblem(stale, 409, "version-conflict");
        JsonNode problem = stale.json();
        assertThat(problem.get("title").asText()).isEqualTo("Version conflict");
        assertThat(problem.get("path").asText()).isEqualTo("a.txt");
        assertThat(problem.get("expectedVersion").asInt()).isEqualTo(1);
        assertThat(problem.get("currentVersion").asInt()).isEqualTo(2);
        assertThat(problem.get("currentContentHash").asText()).isEqualTo(sha256("two"));
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void expectedVersionZeroOnALiveFileAndAVersionOnAMissingFileConflict() {
        Project project = project();
        api.save(project, "a.txt", "one", 0);

        assertProblem(api.save(project, "a.txt", "other", 0), 409, "version-conflict");
        Response missing = api.save(project, "b.txt", "x", 3);
        assertProblem(missing, 409, "version-conflict");
        assertThat(missing.json().get("currentVersion").asInt()).isZero();
    }

    @Test
    void unchangedContentAddsNoVersionWhateverTheExpectedVersion() {
        Project project = project();
        api.save(project, "a.txt", "one", 0);
        api.save(project, "a.txt", "two", 1);

        Response retry = api.save(project, "a.txt", "two", 1);

        assertThat(retry.status()).isEqualTo(200);
        assertThat(retry.json().get("changed").asBoolean()).isFalse();
        assertThat(retry.version()).isEqualTo(2);
        assertThat(api.history(project, "a.txt", "&minVersion=2").json().get("entries")).hasSize(2);
    }

    @Test
    void creatingAtADeletedPathMakesANewFileAndKeepsTheOldHistory() {
        Project project = project();
        String oldFile = api.save(project, "a.txt", "old", 0).json().get("fileId").asText();
        api.delete(project, "a.txt", 1);

        Response recreated = api.save(project, "a.txt", "new", 0);

        assertThat(recreated.status()).isEqualTo(201);
        assertThat(recreated.version()).isEqualTo(1);
        assertThat(recreated.json().get("fileId").asText()).isNotEqualTo(oldFile);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM domainevententry WHERE aggregateidentifier = ?",
                Long.class, oldFile)).isEqualTo(2);
    }

    @Test
    void moveTakesTheHistoryAlongAndRefusesATakenPath() {
        Project project = project();
        api.save(project, "src/a.js", "a", 0);
        api.save(project, "src/b.js", "b", 0);

        Response taken = api.move(project, "src/a.js", "src/b.js", 1);
        assertProblem(taken, 409, "path-taken");
        assertThat(taken.json().get("path").asText()).isEqualTo("src/b.js");

        Response moved = api.move(project, "src/a.js", "lib/a.js", 1);
        assertThat(moved.status()).isEqualTo(200);
        assertThat(moved.version()).isEqualTo(2);
        assertThat(moved.json().get("path").asText()).isEqualTo("lib/a.js");

        JsonNode history = api.history(project, "lib/a.js", "&minVersion=2").json();
        assertThat(history.get("entries")).extracting(e -> e.get("kind").asText()).containsExactly("MOVED", "CREATED");
        assertThat(history.get("entries").get(1).get("path").asText()).isEqualTo("src/a.js");
        assertProblem(api.content(project, "src/a.js", ""), 404, "not-found");
        assertProblem(api.move(project, "nowhere.js", "x.js", null), 404, "not-found");
        assertProblem(api.move(project, "lib/a.js", "y.js", 1), 409, "version-conflict");
    }

    @Test
    void deleteAddsAVersionAndTheDeletedFileStaysReadable() {
        Project project = project();
        api.save(project, "a.txt", "content", 0);

        assertProblem(api.delete(project, "a.txt", 7), 409, "version-conflict");
        Response deleted = api.delete(project, "a.txt", 1);
        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.version()).isEqualTo(2);
        assertThat(deleted.json().get("contentHash").asText()).isEqualTo(sha256("content"));

        JsonNode content = api.content(project, "a.txt", "&minVersion=2").json();
        assertThat(content.get("deleted").asBoolean()).isTrue();
        assertThat(content.get("version").asInt()).isEqualTo(2);
        assertThat(content.get("content").asText()).isEqualTo("content");
        assertThat(api.list(project, "?minVersion=2").json()).isEmpty();
        assertProblem(api.delete(project, "a.txt", null), 404, "not-found");
    }

    @Test
    void restoreAddsAVersionWithOldContentAndBringsDeletedFilesBack() {
        Project project = project();
        api.save(project, "a.txt", "first", 0);
        api.save(project, "a.txt", "second", 1);

        Response restored = api.restore(project, "a.txt", 1, 2);
        assertThat(restored.status()).isEqualTo(200);
        assertThat(restored.version()).isEqualTo(3);
        assertThat(restored.json().get("contentHash").asText()).isEqualTo(sha256("first"));
        assertThat(api.content(project, "a.txt", "&minVersion=3").json().get("content").asText()).isEqualTo("first");

        Response unchanged = api.restore(project, "a.txt", 1, null);
        assertThat(unchanged.json().get("changed").asBoolean()).isFalse();
        assertThat(unchanged.version()).isEqualTo(3);

        api.delete(project, "a.txt", 3);
        Response undeleted = api.restore(project, "a.txt", 2, 4);
        assertThat(undeleted.status()).isEqualTo(200);
        assertThat(undeleted.version()).isEqualTo(5);
        JsonNode content = api.content(project, "a.txt", "&minVersion=5").json();
        assertThat(content.get("deleted").asBoolean()).isFalse();
        assertThat(content.get("content").asText()).isEqualTo("second");
        assertThat(api.history(project, "a.txt", "").json().get("entries").get(0).get("kind").asText())
                .isEqualTo("RESTORED");

        assertProblem(api.restore(project, "a.txt", 9, null), 404, "version-not-found");
        assertProblem(api.restore(project, "a.txt", 1, 2), 409, "version-conflict");
        assertProblem(api.restore(project, "missing.txt", 1, null), 404, "not-found");
    }

    @Test
    void listShowsLiveFilesSortedByPath() {
        Project project = project();
        for (String path : List.of("b.txt", "a/z.txt", "B.txt", "a.txt", "a/b.txt")) {
            api.save(project, path, path, 0);
        }
        api.delete(project, "a.txt", 1);

        JsonNode list = api.list(project, "?minVersion=1").json();

        assertThat(list).extracting(f -> f.get("path").asText())
                .containsExactly("B.txt", "a/b.txt", "a/z.txt", "b.txt");
        JsonNode first = list.get(0);
        assertThat(first.get("version").asInt()).isEqualTo(1);
        assertThat(first.get("contentHash").asText()).isEqualTo(sha256("B.txt"));
        assertThat(first.get("sizeBytes").asLong()).isEqualTo(5);
        assertThat(first.get("updatedBy").asText()).isEqualTo("alice");
        assertThat(first.hasNonNull("fileId")).isTrue();
        assertThat(first.hasNonNull("updatedAt")).isTrue();
        assertThat(first.has("fileType")).isTrue();
    }

    @Test
    void contentOfAnyVersionHistoryPagesAndDiff() {
        Project project = project();
        api.save(project, "notes.md", "line 1\nfirst draft\n", 0);
        for (int v = 2; v <= 7; v++) {
            api.save(project, "notes.md", "line 1\nline " + v + "\n", v - 1);
        }

        Response v3Response = api.content(project, "notes.md", "&version=3&minVersion=7");
        assertThat(v3Response.status()).as(v3Response.toString()).isEqualTo(200);
        JsonNode v3 = v3Response.json();
        assertThat(v3.get("version").asInt()).isEqualTo(3);
        assertThat(v3.get("content").asText()).isEqualTo("line 1\nline 3\n");
        assertThat(v3.get("deleted").asBoolean()).isFalse();
        assertThat(v3.get("savedBy").asText()).isEqualTo("alice");
        assertProblem(api.content(project, "notes.md", "&version=8"), 404, "version-not-found");

        List<Integer> versions = new ArrayList<>();
        String query = "&limit=3";
        JsonNode page;
        do {
            page = api.history(project, "notes.md", query).json();
            page.get("entries").forEach(e -> versions.add(e.get("version").asInt()));
            query = "&limit=3&before=" + page.get("next").asText();
        } while (!page.get("next").isNull());
        assertThat(versions).containsExactly(7, 6, 5, 4, 3, 2, 1);
        JsonNode entry = api.history(project, "notes.md", "&limit=1").json().get("entries").get(0);
        assertThat(entry.get("kind").asText()).isEqualTo("SAVED");
        assertThat(entry.get("contentHash").asText()).isEqualTo(sha256("line 1\nline 7\n"));
        assertThat(entry.has("message")).isTrue();
        assertThat(entry.hasNonNull("at")).isTrue();

        Response diff = api.diff(project, "notes.md", 2, 5);
        assertThat(diff.status()).isEqualTo(200);
        assertThat(diff.contentType()).startsWith("text/x-diff");
        assertThat(diff.body()).contains("--- a/notes.md", "+++ b/notes.md", "-line 2", "+line 5", " line 1");
    }

    @Test
    void minVersionThatNeverComesAnswers503WithRetryAfter() {
        Project project = project();
        api.save(project, "a.txt", "x", 0);

        Response response = api.content(project, "a.txt", "&minVersion=50");

        assertProblem(response, 503, "read-model-behind");
        assertThat(response.raw().headers().firstValue("Retry-After")).isPresent();
    }

    @Test
    void aMemberTokenActsAsItsUser() {
        Project project = project();
        Project bob = api.addMember(project, "bob");
        api.save(project, "a.txt", "alice's", 0);

        Response saved = api.save(bob, "a.txt", "bob's", 1);

        assertThat(saved.json().get("savedBy").asText()).isEqualTo("bob");
        JsonNode entries = api.history(project, "a.txt", "&minVersion=2").json().get("entries");
        assertThat(entries).extracting(e -> e.get("by").asText()).containsExactly("bob", "alice");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/abs.txt", "a//b.txt", "a/./b", "a/../b", "a\\b", "a\u0001b", "..", "dir/"})
    void invalidPathsAre400AndStoreNothing(String path) {
        Project project = project();
        long before = storedEvents();

        assertProblem(api.save(project, path, "x", null), 400, "invalid-request");
        assertProblem(api.content(project, path, ""), 400, "invalid-request");
        assertProblem(api.move(project, "ok.txt", path, null), 400, "invalid-request");
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void pathsOver1024BytesAre400() {
        Project project = project();
        assertThat(api.save(project, "é".repeat(512), "x", null).status()).isEqualTo(201);
        assertProblem(api.save(project, "é".repeat(513), "x", null), 400, "invalid-request");
    }

    @Test
    void malformedBodiesAre400Or415AndStoreNothing() {
        Project project = project();
        String files = Api.files(project) + "?path=a.txt";
        long before = storedEvents();

        assertProblem(api.send("PUT", files, project.token(), "{not json"), 400, "invalid-request");
        assertProblem(api.send("PUT", files, project.token(), "{\"content\":5}"), 400, "invalid-request");
        assertProblem(api.send("PUT", files, project.token(), "{}"), 400, "invalid-request");
        assertProblem(api.send("PUT", files, project.token(), "{\"content\":\"x\",\"expectedVersion\":\"1\"}"),
                400, "invalid-request");
        assertProblem(api.send("PUT", files, project.token(), "{\"content\":\"x\",\"expectedVersion\":-1}"),
                400, "invalid-request");
        assertProblem(api.send("PUT", files, project.token(),
                "{\"content\":\"x\",\"expectedVersion\":2147483648}"), 400, "invalid-request");
        assertProblem(api.send("PUT", files, project.token(), "{\"content\":\"x\",\"expectedVersion\":1.5}"),
                400, "invalid-request");
        assertProblem(api.send("PUT", files, project.token(), "{\"content\":\"x\"}", "text/plain"), 415, "415");
        assertProblem(api.send("POST", Api.files(project) + "/restore", project.token(),
                "{\"path\":\"a.txt\",\"version\":0}"), 400, "invalid-request");
        assertProblem(api.history(project, "a.txt", "&limit=0"), 400, "invalid-request");
        assertProblem(api.history(project, "a.txt", "&limit=1001"), 400, "invalid-request");
        assertProblem(api.content(project, "a.txt", "&version=abc"), 400, "invalid-request");
        assertProblem(api.get(Api.files(project) + "/diff?path=a.txt&from=1", project.token()), 400,
                "invalid-request");
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void contentOverTheLimitIs413AndStoresNothing() {
        Project project = project();
        long before = storedEvents();

        Response response = api.save(project, "big.txt", "x".repeat(10 * 1024 * 1024 + 1), null);

        assertProblem(response, 413, "content-too-large");
        assertThat(storedEvents()).isEqualTo(before);
        assertThat(api.save(project, "big.txt", "x".repeat(10 * 1024 * 1024), null).status()).isEqualTo(201);
    }

    @Test
    void missingOrUnknownTokenIs401() {
        Project project = project();
        assertProblem(api.get(Api.files(project), null), 401, "unauthorized");
        assertProblem(api.get(Api.files(project), "vfh_unknown"), 401, "unauthorized");
        assertProblem(api.send("PUT", Api.files(project) + "?path=a.txt", null, "{\"content\":\"x\"}"), 401,
                "unauthorized");
    }

    @Test
    void aTokenOfAnotherProjectIs403OnEveryRouteNever404() {
        Project mine = project();
        Project theirs = api.createProject("other", "mallory");
        api.save(mine, "secret.txt", "mine", 0);
        String files = Api.files(mine);
        String token = theirs.token();
        long before = storedEvents();

        assertProblem(api.get(files, token), 403, "forbidden");
        assertProblem(api.get(files + "/content?path=secret.txt", token), 403, "forbidden");
        assertProblem(api.get(files + "/content?path=nothing-here.txt", token), 403, "forbidden");
        assertProblem(api.get(files + "/history?path=secret.txt", token), 403, "forbidden");
        assertProblem(api.get(files + "/diff?path=secret.txt&from=1&to=1", token), 403, "forbidden");
        assertProblem(api.send("PUT", files + "?path=secret.txt", token, "{\"content\":\"x\"}"), 403, "forbidden");
        assertProblem(api.send("DELETE", files + "?path=secret.txt", token, null), 403, "forbidden");
        assertProblem(api.send("POST", files + "/move", token, "{\"from\":\"secret.txt\",\"to\":\"b\"}"), 403,
                "forbidden");
        assertProblem(api.send("POST", files + "/restore", token, "{\"path\":\"secret.txt\",\"version\":1}"), 403,
                "forbidden");
        assertProblem(api.send("POST", "/api/projects/" + mine.id() + "/members", token, "{\"user\":\"eve\"}"),
                403, "forbidden");
        assertProblem(api.get("/api/projects/" + UUID.randomUUID() + "/files", token), 403, "forbidden");
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void projectCreationValidatesItsInput() {
        assertProblem(api.send("POST", "/api/projects", null, "{\"name\":\"\",\"user\":\"alice\"}"), 400,
                "invalid-request");
        assertProblem(api.send("POST", "/api/projects", null, "{\"name\":\"demo\"}"), 400, "invalid-request");
        assertProblem(api.send("POST", "/api/projects", null, "{\"name\":\"demo\",\"user\":\"a\\u0000b\"}"), 400,
                "invalid-request");
    }

    @Test
    void unknownRoutesAreProblemJson() {
        Project project = project();
        assertProblem(api.get("/api/projects/" + project.id() + "/nothing", project.token()), 404, "404");
    }

    @Test
    void liveUpdatesStreamOneFileChangedEventPerHistoryEntry() throws Exception {
        Project project = project();
        java.net.http.HttpRequest request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                api.url("/api/projects/" + project.id() + "/updates?access_token=" + project.token()))).GET().build();
        java.util.concurrent.BlockingQueue<String> lines = new java.util.concurrent.LinkedBlockingQueue<>();
        java.net.http.HttpResponse<java.util.stream.Stream<String>> stream = java.net.http.HttpClient.newHttpClient()
                .send(request, java.net.http.HttpResponse.BodyHandlers.ofLines());
        assertThat(stream.statusCode()).isEqualTo(200);
        assertThat(stream.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
        Thread reader = new Thread(() -> stream.body().forEach(lines::add));
        reader.setDaemon(true);
        reader.start();
        lines.poll(10, java.util.concurrent.TimeUnit.SECONDS);

        api.save(project, "live.txt", "one", 0);
        api.move(project, "live.txt", "moved.txt", 1);

        List<JsonNode> events = new ArrayList<>();
        String eventName = null;
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(20);
        while (events.size() < 2 && System.nanoTime() < deadline) {
            String line = lines.poll(1, java.util.concurrent.TimeUnit.SECONDS);
            if (line == null) {
                continue;
            }
            if (line.startsWith("event:")) {
                eventName = line.substring(6).trim();
            } else if (line.startsWith("data:") && "file-changed".equals(eventName)) {
                events.add(Api.JSON.readTree(line.substring(5)));
            }
        }
        assertThat(events).extracting(e -> e.get("kind").asText()).containsExactly("CREATED", "MOVED");
        JsonNode moved = events.get(1);
        assertThat(moved.get("path").asText()).isEqualTo("moved.txt");
        assertThat(moved.get("version").asInt()).isEqualTo(2);
        assertThat(moved.get("by").asText()).isEqualTo("alice");
        assertThat(moved.get("contentHash").asText()).isEqualTo(sha256("one"));
        assertThat(moved.hasNonNull("fileId")).isTrue();
        assertThat(moved.hasNonNull("at")).isTrue();
        stream.body().close();
    }

    @Test
    void liveUpdatesOfAnotherProjectAre403() {
        Project mine = project();
        Project theirs = api.createProject("other", "mallory");
        assertProblem(api.get("/api/projects/" + mine.id() + "/updates?access_token=" + theirs.token(), null), 403,
                "forbidden");
        assertProblem(api.get("/api/projects/" + mine.id() + "/files?access_token=" + mine.token(), null), 401,
                "unauthorized");
    }

    @Test
    void theAuditStreamListsTheProjectsStoredEventsInOrderAndResumes() throws Exception {
        Project project = project();
        Project other = api.createProject("other", "mallory");
        api.save(other, "theirs.txt", "not in my stream", 0);
        api.save(project, "a.txt", "one", 0);
        api.save(project, "a.txt", "two", 1);
        api.move(project, "a.txt", "b.txt", 2);
        api.delete(project, "b.txt", 3);

        Response all = api.get("/api/projects/" + project.id() + "/events", project.token());
        assertThat(all.status()).isEqualTo(200);
        assertThat(all.contentType()).startsWith("application/x-ndjson");
        List<JsonNode> events = new ArrayList<>();
        for (String line : all.body().split("\n")) {
            events.add(Api.JSON.readTree(line));
        }
        assertThat(events).extracting(e -> e.get("type").asText()).containsExactly("FileCreatedEvent",
                "FileVersionSavedEvent", "FileMovedEvent", "FileDeletedEvent");
        assertThat(events).extracting(e -> e.get("sequenceNumber").asLong()).containsExactly(0L, 1L, 2L, 3L);
        assertThat(events).extracting(e -> e.get("position").asLong()).isSorted().doesNotHaveDuplicates();
        JsonNode saved = events.get(1);
        assertThat(saved.get("payload").get("content").asText()).isEqualTo("two");
        assertThat(saved.get("payload").get("contentHash").asText()).isEqualTo(sha256("two"));
        assertThat(saved.get("payload").get("version").asInt()).isEqualTo(2);
        assertThat(saved.hasNonNull("timestamp")).isTrue();
        assertThat(saved.get("aggregateId").asText()).isEqualTo(events.get(0).get("aggregateId").asText());

        long second = events.get(1).get("position").asLong();
        Response rest = api.get("/api/projects/" + project.id() + "/events?after=" + second + "&limit=1",
                project.token());
        assertThat(rest.body().trim().split("\n")).hasSize(1);
        assertThat(Api.JSON.readTree(rest.body()).get("type").asText()).isEqualTo("FileMovedEvent");

        assertProblem(api.get("/api/projects/" + project.id() + "/events?after=-1", project.token()), 400,
                "invalid-request");
        assertProblem(api.get("/api/projects/" + project.id() + "/events?limit=0", project.token()), 400,
                "invalid-request");
        assertProblem(api.get("/api/projects/" + project.id() + "/events", other.token()), 403, "forbidden");
    }

    @Test
    void healthIsUpAndTheApiIsDocumented() {
        Response health = api.get("/actuator/health", null);
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().get("status").asText()).isEqualTo("UP");

        Response openApi = api.get("/api-docs", null);
        assertThat(openApi.status()).isEqualTo(200);
        assertThat(openApi.json().get("paths").has("/api/projects/{projectId}/files")).isTrue();
    }
}
