package dev.velocity.filehistory.launcher;

import static dev.velocity.filehistory.launcher.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.velocity.filehistory.launcher.Api.Project;
import dev.velocity.filehistory.launcher.Api.Response;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The commands of api.md (save, move, delete, restore) as a client sees them: versions, conflicts and what is stored. */
class FileCommandsIT extends RunningSystem {

    private Project project() {
        return api.createProject("demo", "alice");
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
}
