package dev.velocity.filehistory.launcher;

import static dev.velocity.filehistory.launcher.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.velocity.filehistory.launcher.Api.Project;
import dev.velocity.filehistory.launcher.Api.Response;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Projects, their tokens and members: who may do what, and that no token is ever stored or in an event. */
class ProjectAccessIT extends RunningSystem {

    private Project project() {
        return api.createProject("demo", "alice");
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
    void aMemberTokenActsAsItsUser() {
        Project project = project();
        Project bob = api.addMember(project, "bob");
        api.save(project, "a.txt", "alice's", 0);

        Response saved = api.save(bob, "a.txt", "bob's", 1);

        assertThat(saved.json().get("savedBy").asText()).isEqualTo("bob");
        JsonNode entries = api.history(project, "a.txt", "&minVersion=2").json().get("entries");
        assertThat(entries).extracting(e -> e.get("by").asText()).containsExactly("bob", "alice");
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
    void liveUpdatesOfAnotherProjectAre403() {
        Project mine = project();
        Project theirs = api.createProject("other", "mallory");
        assertProblem(api.get("/api/projects/" + mine.id() + "/updates?access_token=" + theirs.token(), null), 403,
                "forbidden");
        assertProblem(api.get("/api/projects/" + mine.id() + "/files?access_token=" + mine.token(), null), 401,
                "unauthorized");
    }
}
