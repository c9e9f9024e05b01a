package dev.velocity.filehistory.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.velocity.filehistory.launcher.Api.Project;
import dev.velocity.filehistory.launcher.Api.Response;
import dev.velocity.filehistory.launcher.ProjectRoutes.Route;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * A token of one project is refused by every route of another with one fixed answer: nothing in it (nor in the
 * status) tells whether the other project, its files or its members exist.
 */
class CrossProjectIT extends RunningSystem {

    private static final String FORBIDDEN = "{\"type\":\"/problems/forbidden\",\"title\":\"Forbidden\","
            + "\"status\":403,\"detail\":\"This token belongs to another project\"}";

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Test
    void everyProjectRouteIsCoveredByTheAuthTests() {
        assertThat(ProjectRoutes.keys())
                .as("every route under /api/projects/{projectId} needs an entry in ProjectRoutes")
                .isEqualTo(ProjectRoutes.mapped(mappings));
    }

    @Test
    void aTokenOfAnotherProjectGetsTheSame403FromEveryRoute() throws Exception {
        Project theirs = api.createProject("theirs", "alice");
        api.save(theirs, "secret.txt", "their secret", 0);
        Project mine = api.createProject("mine", "mallory");
        long eventsBefore = storedEvents();

        for (Route route : ProjectRoutes.ALL) {
            assertForbidden(route, route.send(api, theirs.id(), mine.token()), theirs);
            assertForbidden(route, route.send(api, UUID.randomUUID().toString(), mine.token()), theirs);
        }

        assertThat(storedEvents()).isEqualTo(eventsBefore);
        Response theirFiles = api.list(theirs, "?minVersion=1");
        assertThat(theirFiles.status()).as("their creator's token still works").isEqualTo(200);
        assertThat(theirFiles.json().get(0).get("path").asText()).isEqualTo("secret.txt");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM access_tokens WHERE user_name = 'eve'", Long.class))
                .as("no member was added").isZero();
    }

    private static void assertForbidden(Route route, Response response, Project theirs) throws Exception {
        assertThat(response.status()).as(route + ": " + response).isEqualTo(403);
        assertThat(response.contentType()).as(route.toString()).startsWith("application/problem+json");
        JsonNode expected = Api.JSON.readTree(FORBIDDEN);
        assertThat(response.json()).as(route + " says nothing about the other project").isEqualTo(expected);
        assertThat(response.body()).doesNotContain(theirs.id(), "secret", "alice");
    }
}
