package dev.velocity.filehistory.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.velocity.filehistory.platform.testing.CheckedInFile;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The OpenAPI description served at {@code /api-docs} holds every route of the contract (docs/api.md) with its
 * parameters and the problem+json answers it can give, so a client generated from it handles the errors too; and it
 * is the checked-in docs/openapi.json that the editor's client types are generated from.
 */
class OpenApiIT extends RunningSystem {

    private static final Set<String> AUTH = Set.of("401", "403", "429", "503");
    private static final Set<String> BODY = Set.of("400", "413", "415");

    private record Route(String method, String path, Set<String> errors, List<String> parameters) {
    }

    private static Set<String> union(Set<String> a, Set<String> b, String... more) {
        Set<String> all = new TreeSet<>(a);
        all.addAll(b);
        all.addAll(List.of(more));
        return all;
    }

    private static final String FILES = "/api/projects/{projectId}/files";

    private static final List<Route> CONTRACT = List.of(
            new Route("post", "/api/projects", Set.of("400", "413", "415", "503"), List.of()),
            new Route("post", "/api/projects/{projectId}/members", union(AUTH, BODY), List.of("projectId")),
            new Route("delete", "/api/projects/{projectId}/members/{user}", union(AUTH, Set.of("400")),
                    List.of("projectId", "user")),
            new Route("put", FILES, union(AUTH, BODY, "409", "422"), List.of("path", "Idempotency-Key")),
            new Route("delete", FILES, union(AUTH, Set.of("400", "404", "409", "422")),
                    List.of("path", "expectedVersion", "Idempotency-Key")),
            new Route("post", FILES + "/move", union(AUTH, BODY, "404", "409", "422"), List.of("Idempotency-Key")),
            new Route("post", FILES + "/restore", union(AUTH, BODY, "404", "409", "422"), List.of("Idempotency-Key")),
            new Route("get", FILES, union(AUTH, Set.of("400")), List.of("minVersion", "at", "position")),
            new Route("get", FILES + "/content", union(AUTH, Set.of("400", "404")),
                    List.of("path", "version", "minVersion", "at", "position")),
            new Route("get", FILES + "/history", union(AUTH, Set.of("400", "404")),
                    List.of("path", "limit", "before", "minVersion")),
            new Route("get", FILES + "/diff", union(AUTH, Set.of("400", "404")),
                    List.of("path", "from", "to", "minVersion")),
            new Route("get", "/api/projects/{projectId}/timeline", union(AUTH, Set.of("400")),
                    List.of("limit", "before", "minVersion")),
            new Route("get", FILES + "/deleted", union(AUTH, Set.of("400")), List.of("limit", "after", "minVersion")),
            new Route("get", "/api/projects/{projectId}/updates", AUTH, List.of("access_token")),
            new Route("get", "/api/projects/{projectId}/events", union(AUTH, Set.of("400")),
                    List.of("after", "limit")),
            new Route("get", "/api/projects/{projectId}/verify", AUTH, List.of("projectId")),
            new Route("get", "/api/projects/{projectId}/export", AUTH, List.of("projectId")),
            new Route("post", "/api/admin/read-models/rebuild", Set.of("401", "404", "409", "503"), List.of()),
            new Route("get", "/api/admin/read-models/rebuild", Set.of("401", "404", "503"), List.of()));

    @Test
    void everyRouteOfTheContractIsDescribedWithItsParametersAndProblemAnswers() throws Exception {
        Api.Response response = api.get("/api-docs", null);
        assertThat(response.status()).isEqualTo(200);
        JsonNode docs = Api.JSON.readTree(response.raw().body());
        assertThat(docs.at("/components/schemas/Problem/properties").has("type")).isTrue();

        List<String> missing = new ArrayList<>();
        for (Route route : CONTRACT) {
            JsonNode operation = docs.path("paths").path(route.path()).path(route.method());
            if (operation.isMissingNode()) {
                missing.add(route.method() + " " + route.path() + ": not described");
                continue;
            }
            for (String status : route.errors()) {
                JsonNode answer = operation.path("responses").path(status);
                JsonNode problem = answer.path("content").path("application/problem+json").path("schema");
                if (!"#/components/schemas/Problem".equals(problem.path("$ref").asText())) {
                    missing.add(route.method() + " " + route.path() + ": no problem+json " + status);
                }
                boolean retryAfter = !answer.path("headers").path("Retry-After").isMissingNode();
                if (Set.of("429", "503").contains(status) && !retryAfter) {
                    missing.add(route.method() + " " + route.path() + ": " + status + " without Retry-After");
                }
            }
            Set<String> parameters = new TreeSet<>();
            operation.path("parameters").forEach(parameter -> parameters.add(parameter.path("name").asText()));
            for (String parameter : route.parameters()) {
                if (!parameters.contains(parameter)) {
                    missing.add(route.method() + " " + route.path() + ": no parameter " + parameter);
                }
            }
            if (parameters.contains("caller") || parameters.contains("credential")) {
                missing.add(route.method() + " " + route.path() + ": shows the server's own caller as a parameter");
            }
        }
        assertThat(missing).isEmpty();
    }

    /** The description the editor's types are generated from (editor-ui/src/api/schema.d.ts, `npm run api`). */
    static final Path CHECKED_IN = Path.of("..", "docs", "openapi.json");

    /**
     * Fails when the server describes its routes differently from docs/openapi.json: rerun with
     * {@code -Dvelocity.writeFixtures=true} to write it, then regenerate the editor's types ({@code npm run api} in
     * editor-ui; its Vitest suite fails while they differ from what the file gives).
     */
    @Test
    void theServedDescriptionIsTheCheckedInOne() throws Exception {
        Api.Response response = api.get("/api-docs", null);
        assertThat(response.status()).isEqualTo(200);
        ObjectNode docs = (ObjectNode) Api.JSON.readTree(response.raw().body());
        // The server list names this test's random port.
        docs.remove("servers");
        String served = Api.JSON.copy()
                .enable(SerializationFeature.INDENT_OUTPUT, SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
                .writeValueAsString(Api.JSON.convertValue(docs, Map.class)) + "\n";
        CheckedInFile.assertHolds(CHECKED_IN, served, "npm run api in editor-ui");
    }

    @Test
    void theBrowserPageOpensWithoutAToken() throws Exception {
        HttpClient browser = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build();
        HttpResponse<String> page = browser.send(HttpRequest.newBuilder(URI.create(api.url("/api-docs/ui"))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.uri().getPath()).startsWith("/api-docs/");
        assertThat(page.body()).contains("swagger-ui");
        HttpResponse<String> config = browser.send(HttpRequest.newBuilder(
                URI.create(api.url("/api-docs/swagger-config"))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(config.body()).contains("\"/api-docs\"");
    }
}
