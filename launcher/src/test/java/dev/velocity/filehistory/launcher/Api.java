package dev.velocity.filehistory.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** The HTTP contract as a test client: what the IDE, the history browser and auditors send. */
final class Api {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String base;

    Api(int port) {
        this.base = "http://localhost:" + port;
    }

    record Project(String id, String token, String user) {
    }

    record Response(int status, HttpResponse<String> raw) {

        JsonNode json() {
            try {
                return JSON.readTree(raw.body());
            } catch (IOException e) {
                throw new UncheckedIOException("Not JSON: " + raw.body(), e);
            }
        }

        String body() {
            return raw.body();
        }

        String contentType() {
            return raw.headers().firstValue("Content-Type").orElse("");
        }

        int version() {
            return json().get("version").asInt();
        }

        @Override
        public String toString() {
            return status + " " + raw.body();
        }
    }

    Project createProject(String name, String user) {
        Response response = send("POST", "/api/projects", null, body("name", name, "user", user));
        if (response.status() != 201) {
            throw new AssertionError("Could not create a project: " + response);
        }
        JsonNode json = response.json();
        return new Project(json.get("projectId").asText(), json.get("token").asText(), user);
    }

    Project addMember(Project project, String user) {
        Response response = send("POST", "/api/projects/" + project.id() + "/members", project.token(),
                body("user", user));
        if (response.status() != 201) {
            throw new AssertionError("Could not add a member: " + response);
        }
        return new Project(project.id(), response.json().get("token").asText(), user);
    }

    Response save(Project project, String path, String content, Integer expectedVersion) {
        return send("PUT", files(project) + "?path=" + encode(path), project.token(),
                body("content", content, "expectedVersion", expectedVersion));
    }

    Response delete(Project project, String path, Integer expectedVersion) {
        return send("DELETE", files(project) + "?path=" + encode(path)
                + (expectedVersion == null ? "" : "&expectedVersion=" + expectedVersion), project.token(), null);
    }

    Response move(Project project, String from, String to, Integer expectedVersion) {
        return send("POST", files(project) + "/move", project.token(),
                body("from", from, "to", to, "expectedVersion", expectedVersion));
    }

    Response restore(Project project, String path, int version, Integer expectedVersion) {
        return send("POST", files(project) + "/restore", project.token(),
                body("path", path, "version", version, "expectedVersion", expectedVersion));
    }

    Response list(Project project, String query) {
        return get(files(project) + query, project.token());
    }

    Response content(Project project, String path, String query) {
        return get(files(project) + "/content?path=" + encode(path) + query, project.token());
    }

    Response history(Project project, String path, String query) {
        return get(files(project) + "/history?path=" + encode(path) + query, project.token());
    }

    Response diff(Project project, String path, int from, int to) {
        return get(files(project) + "/diff?path=" + encode(path) + "&from=" + from + "&to=" + to, project.token());
    }

    Response get(String path, String token) {
        return send("GET", path, token, null);
    }

    Response send(String method, String path, String token, String json) {
        return send(method, path, token, json, "application/json");
    }

    Response send(String method, String path, String token, String body, String contentType) {
        return send(method, path, token, body, body == null ? Map.of() : Map.of("Content-Type", contentType));
    }

    /** A save as the editor sends it, with an {@code Idempotency-Key}. */
    Response save(Project project, String path, String content, Integer expectedVersion, String idempotencyKey) {
        return send("PUT", files(project) + "?path=" + encode(path), project.token(),
                body("content", content, "expectedVersion", expectedVersion),
                Map.of("Content-Type", "application/json", "Idempotency-Key", idempotencyKey));
    }

    Response send(String method, String path, String token, String body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        headers.forEach(request::header);
        if (body != null) {
            request.method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        try {
            HttpResponse<String> response = HTTP.send(request.build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Response(response.statusCode(), response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    String url(String path) {
        return base + path;
    }

    static String files(Project project) {
        return "/api/projects/" + project.id() + "/files";
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    static String body(Object... pairs) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            if (pairs[i + 1] != null) {
                map.put((String) pairs[i], pairs[i + 1]);
            }
        }
        try {
            return JSON.writeValueAsString(map);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
