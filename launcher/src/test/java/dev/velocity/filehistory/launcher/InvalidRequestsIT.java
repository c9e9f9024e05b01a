package dev.velocity.filehistory.launcher;

import static dev.velocity.filehistory.launcher.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.velocity.filehistory.launcher.Api.Project;
import dev.velocity.filehistory.launcher.Api.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Invalid requests of api.md's routes, one rule each: a 4xx problem+json that stores nothing. */
class InvalidRequestsIT extends RunningSystem {

    private Project project() {
        return api.createProject("demo", "alice");
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
    void unknownRoutesAreProblemJson() {
        Project project = project();
        assertProblem(api.get("/api/projects/" + project.id() + "/nothing", project.token()), 404, "404");
    }
}
