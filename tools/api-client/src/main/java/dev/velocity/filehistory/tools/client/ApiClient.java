package dev.velocity.filehistory.tools.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.velocity.filehistory.tools.client.HistoryPage.HistoryEntry;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The calls of Velocity's HTTP API that the bench, the crash test and the multi-node load make (docs/api.md).
 * Answers come back as {@link Answer}s of typed records; a transport failure throws {@link IOException}.
 */
public final class ApiClient {

    private static final Duration READ_TIMEOUT = Duration.ofSeconds(60);
    private static final long RETRY_MILLIS = 500;

    private final Http http;

    /** {@code origin} is the service's, e.g. http://127.0.0.1:8080 (a trailing slash is dropped). */
    public ApiClient(String origin) {
        this.http = new Http(origin);
    }

    /** POST /api/projects; anything but 201 throws, since nothing else can be tried without a project. */
    public Project createProject(String name, String user) throws IOException, InterruptedException {
        Answer<Project> created = http.send("POST", "/api/projects", null,
                Json.object(Map.of("name", name, "user", user)), Http.DEFAULT_TIMEOUT, Project.class);
        if (created.status() != 201) {
            throw new IllegalStateException("POST /api/projects: " + created.status() + " " + created.text());
        }
        return created.body();
    }

    /** PUT one file; {@code expectedVersion} null means last writer wins, {@code fileType} null leaves it out. */
    public Answer<Saved> save(Project project, String path, String content, Integer expectedVersion, String fileType)
            throws IOException, InterruptedException {
        ObjectNode body = Json.MAPPER.createObjectNode().put("content", content).put("expectedVersion", expectedVersion);
        if (fileType != null) {
            body.put("fileType", fileType);
        }
        return http.send("PUT", filesRoute(project, "", path), project.token(), body.toString(), Http.DEFAULT_TIMEOUT,
                Saved.class);
    }

    /** GET a file's content as {@code read} says (current, a version, once a version is readable, at an instant). */
    public Answer<FileContent> content(Project project, String path, Read read) throws IOException, InterruptedException {
        return http.get(filesRoute(project, "/content", path) + read.query(), project.token(), FileContent.class);
    }

    /** GET the live files, now ({@link Read#current()}) or at an instant ({@link Read#at}). */
    public Answer<List<FileEntry>> files(Project project, Read read) throws IOException, InterruptedException {
        String query = read.query().isEmpty() ? "" : "?" + read.query().substring(1);
        return http.get(projectRoute(project, "/files" + query), project.token(), FileEntry.LIST);
    }

    /** One page of a file's history, newest first: {@code limit} entries below {@code before} (null: the newest). */
    public Answer<HistoryPage> historyPage(Project project, String path, Integer before, int limit, Read read)
            throws IOException, InterruptedException {
        String route = filesRoute(project, "/history", path) + "&limit=" + limit
                + (before == null ? "" : "&before=" + before) + read.query();
        return http.send("GET", route, project.token(), null, READ_TIMEOUT, HistoryPage.class);
    }

    /**
     * Every history entry of a file, in pages of 1000, once the read model shows {@code minVersion} (0: at once).
     * While it answers 503 before {@code deadlineNanos} this waits; after that it names the version the read model
     * never reached and reads what is there, so that the caller can name what is missing. A file the service does
     * not know (404 without minVersion) has an empty history; any other answer but 200 throws.
     */
    public History history(Project project, String path, int minVersion, long deadlineNanos)
            throws IOException, InterruptedException {
        List<String> problems = new ArrayList<>();
        Answer<HistoryPage> page = awaitReadable(project, path, minVersion, deadlineNanos, problems);
        List<HistoryEntry> entries = new ArrayList<>();
        while (true) {
            if (page.status() == 404) {
                return new History(entries, problems);
            }
            entries.addAll(page.orThrow("history of " + path).entries());
            if (page.body().next() == null) {
                return new History(entries, problems);
            }
            page = historyPage(project, path, page.body().next(), HistoryPage.MAX_LIMIT, Read.current());
        }
    }

    private Answer<HistoryPage> awaitReadable(Project project, String path, int minVersion, long deadlineNanos,
                                              List<String> problems) throws IOException, InterruptedException {
        if (minVersion > 0) {
            Answer<HistoryPage> first = retryWhileUnavailable(deadlineNanos,
                    () -> historyPage(project, path, null, HistoryPage.MAX_LIMIT, Read.minVersion(minVersion)));
            if (first.status() != 503) {
                return first;
            }
            problems.add(path + ": the read model never reached acknowledged v" + minVersion);
        }
        return historyPage(project, path, null, HistoryPage.MAX_LIMIT, Read.current());
    }

    /** GET /verify, asked again while it answers 503 (read models still catching up) until the deadline. */
    public Answer<Verification> verify(Project project, long deadlineNanos) throws IOException, InterruptedException {
        return retryWhileUnavailable(deadlineNanos,
                () -> http.send("GET", projectRoute(project, "/verify"), project.token(), null, READ_TIMEOUT,
                        Verification.class));
    }

    /** Whether GET /actuator/health says UP; false while nothing listens. */
    public boolean healthy() throws InterruptedException {
        try {
            Answer<JsonNode> health = get("/actuator/health");
            return health.status() == 200 && "UP".equals(health.body().path("status").asText());
        } catch (IOException notListening) {
            return false;
        }
    }

    /** A GET without a token, its JSON as a tree (e.g. /actuator/info). */
    public Answer<JsonNode> get(String route) throws IOException, InterruptedException {
        return http.get(route, null, JsonNode.class);
    }

    private <T> Answer<T> retryWhileUnavailable(long deadlineNanos, Call<T> call)
            throws IOException, InterruptedException {
        Answer<T> answer = call.send();
        while (answer.status() == 503 && System.nanoTime() < deadlineNanos) {
            Thread.sleep(RETRY_MILLIS);
            answer = call.send();
        }
        return answer;
    }

    private interface Call<T> {
        Answer<T> send() throws IOException, InterruptedException;
    }

    private static String projectRoute(Project project, String rest) {
        return "/api/projects/" + project.id() + rest;
    }

    private static String filesRoute(Project project, String rest, String path) {
        return projectRoute(project, "/files" + rest + "?path=" + Read.encode(path));
    }
}
