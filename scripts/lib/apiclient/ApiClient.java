package apiclient;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The few calls of Velocity's HTTP API that the crash test, the multi-node load and the bench make, on one
 * HTTP/1.1 client (no HTTP/2 upgrade: nginx and Tomcat answer plain HTTP/1.1 on loopback).
 */
public final class ApiClient {

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    private static final Pattern FLAT_OBJECT = Pattern.compile("\\{[^{}]*\\}");

    /** A project as POST /api/projects answered it: its id and the bearer token for it. */
    public record Project(String id, String token) {}

    /** A file's history: version -> contentHash, and what did not hold while reading it. */
    public record History(TreeMap<Integer, String> versions, List<String> problems) {}

    private final String base;

    /** {@code base} is the service's origin, e.g. http://127.0.0.1:8080 (a trailing slash is dropped). */
    public ApiClient(String base) {
        this.base = base.replaceAll("/+$", "");
    }

    public HttpRequest.Builder request(String pathAndQuery) {
        return HttpRequest.newBuilder(URI.create(base + pathAndQuery));
    }

    public HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** GET with an optional bearer token ({@code null}: none). */
    public HttpResponse<String> get(String pathAndQuery, String bearer, Duration timeout)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = request(pathAndQuery).timeout(timeout);
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return send(request.GET());
    }

    /** POST /api/projects; anything but 201 is an error, since nothing else can be tested without a project. */
    public Project createProject(String name, String user) throws IOException, InterruptedException {
        HttpResponse<String> response = send(request("/api/projects")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"name\":" + Json.quote(name) + ",\"user\":" + Json.quote(user) + "}")));
        if (response.statusCode() != 201) {
            throw new IllegalStateException("POST /api/projects: " + response.statusCode() + " " + response.body());
        }
        return new Project(field(response.body(), "projectId"), field(response.body(), "token"));
    }

    /** PUT one file; {@code expectedVersion} null means last writer wins, {@code fileType} null leaves it out. */
    public HttpResponse<String> save(Project project, String path, String content, Integer expectedVersion,
                                     String fileType, Duration timeout) throws IOException, InterruptedException {
        String body = "{\"content\":" + Json.quote(content) + ",\"expectedVersion\":" + expectedVersion
                + (fileType == null ? "" : ",\"fileType\":" + Json.quote(fileType)) + "}";
        return send(request("/api/projects/" + project.id() + "/files?path=" + path)
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + project.token())
                .timeout(timeout)
                .PUT(HttpRequest.BodyPublishers.ofString(body)));
    }

    /**
     * Every history entry of a file, in pages of 1000, once the read model shows {@code minVersion} (0: at once).
     * While it answers 503 before {@code deadlineNanos} this waits; after that it names the version the read model
     * never reached and reads what is there, so that the caller can name what is missing. A file the service does
     * not know (404 without minVersion) has an empty history; any other answer but 200 throws.
     */
    public History history(Project project, String path, int minVersion, long deadlineNanos)
            throws IOException, InterruptedException {
        TreeMap<Integer, String> versions = new TreeMap<>();
        List<String> problems = new ArrayList<>();
        String before = "";
        while (true) {
            HttpResponse<String> response = get("/api/projects/" + project.id() + "/files/history?path=" + path
                    + "&limit=1000" + before + (minVersion > 0 ? "&minVersion=" + minVersion : ""),
                    project.token(), Duration.ofSeconds(60));
            if (response.statusCode() == 503 && minVersion > 0) {
                if (System.nanoTime() < deadlineNanos) {
                    Thread.sleep(500);
                } else {
                    problems.add(path + ": the read model never reached acknowledged v" + minVersion);
                    minVersion = 0;
                }
                continue;
            }
            if (response.statusCode() == 404 && minVersion == 0) {
                return new History(versions, problems);
            }
            if (response.statusCode() != 200) {
                throw new IllegalStateException("history of " + path + ": " + response.statusCode() + " " + response.body());
            }
            Matcher entry = FLAT_OBJECT.matcher(response.body());
            while (entry.find()) {
                String json = entry.group();
                if (versions.put(Integer.parseInt(field(json, "version")), field(json, "contentHash")) != null) {
                    problems.add(path + ": version " + field(json, "version") + " appears twice in the history");
                }
            }
            String next = field(response.body(), "next");
            if (next == null) {
                return new History(versions, problems);
            }
            before = "&before=" + next;
        }
    }

    /** A string or number field of a flat JSON object (our contents need no escapes); null if absent or null. */
    public static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + Pattern.quote(name) + "\"\\s*:\\s*(?:\"([^\"\\\\]*)\"|(-?\\d+))").matcher(json);
        return m.find() ? (m.group(1) != null ? m.group(1) : m.group(2)) : null;
    }

    public static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
