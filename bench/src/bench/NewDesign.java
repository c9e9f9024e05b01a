package bench;

import apiclient.ApiClient;
import apiclient.Json;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static bench.Format.*;

/** Velocity, through its HTTP API (and its database for the size only). */
final class NewDesign implements Design {
    private final ApiClient api;
    private final Map<String, String> tokens = new java.util.concurrent.ConcurrentHashMap<>();

    private final String jdbc, dbUser, dbPassword;

    /** {@code jdbc} is the service's own database (for its size only), null if not given. */
    NewDesign(String api, String jdbc, String dbUser, String dbPassword) {
        this.api = new ApiClient(api);
        this.jdbc = jdbc; this.dbUser = dbUser; this.dbPassword = dbPassword;
    }

    @Override public void readHistoryPage(String project, String path, Integer before, int limit) throws Exception {
        HttpResponse<String> r = send(request(project, "/files/history?path=" + q(path) + "&limit=" + limit
                + (before == null ? "" : "&before=" + before)).GET());
        if (r.statusCode() != 200) throw new IllegalStateException("history: HTTP " + r.statusCode());
        if (((List<?>) ((Map<?, ?>) Json.parse(r.body())).get("entries")).isEmpty()) throw new IllegalStateException("empty history page");
    }

    @Override public void readVersion(String project, String path, int version) throws Exception {
        HttpResponse<String> r = send(request(project, "/files/content?path=" + q(path) + "&version=" + version).GET());
        if (r.statusCode() != 200) throw new IllegalStateException("content version " + version + ": HTTP " + r.statusCode());
    }

    @Override public String savedAt(String project, String path, int version) throws Exception {
        HttpResponse<String> r = send(request(project, "/files/content?path=" + q(path) + "&version=" + version).GET());
        if (r.statusCode() != 200) throw new IllegalStateException("content version " + version + ": HTTP " + r.statusCode());
        return (String) ((Map<?, ?>) Json.parse(r.body())).get("savedAt");
    }

    @Override public void readAsOf(String project, String path, String at, boolean content) throws Exception {
        String when = URLEncoder.encode(at, StandardCharsets.UTF_8);
        String route = content ? "/files/content?path=" + q(path) + "&at=" + when : "/files?at=" + when;
        HttpResponse<String> r = send(request(project, route).GET());
        if (r.statusCode() != 200) throw new IllegalStateException("point in time " + route + ": HTTP " + r.statusCode());
    }

    @Override public long[] storedBytes(boolean vacuumFull) throws SQLException {
        if (jdbc == null) return null;
        try (Connection c = DriverManager.getConnection(jdbc, dbUser, dbPassword)) { return Storage.databaseBytes(c, vacuumFull); }
    }

    /** GET content with minVersion: the HTTP status (200 once the read model has the version, 503 after ~5 s). */
    int awaitVisible(String project, String path, int version) {
        try {
            return send(request(project, "/files/content?path=" + q(path) + "&minVersion=" + version).GET()).statusCode();
        } catch (Exception e) {
            return -1;
        }
    }

    @Override public String name() { return "new (Velocity)"; }

    @Override public String newProject(String label) throws Exception {
        ApiClient.Project project = api.createProject(label, "bench");
        tokens.put(project.id(), project.token());
        return project.id();
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return api.send(request.timeout(Duration.ofSeconds(30)));
    }

    private HttpRequest.Builder request(String project, String pathAndQuery) {
        return api.request("/api/projects/" + project + pathAndQuery)
                .header("Authorization", "Bearer " + tokens.get(project));
    }

    private static String q(String s) { return URLEncoder.encode(s, StandardCharsets.UTF_8); }

    @Override public Client client() {
        return new Client() {
            @Override public Outcome save(String project, String path, String content, Integer expected) {
                String body = "{\"content\":" + Json.quote(content)
                        + ",\"expectedVersion\":" + (expected == null ? "null" : expected)
                        + ",\"fileType\":\"javascript\"}";
                long start = System.nanoTime();
                try {
                    HttpResponse<String> r = send(request(project, "/files?path=" + q(path))
                            .header("Content-Type", "application/json")
                            .PUT(HttpRequest.BodyPublishers.ofString(body)));
                    long nanos = System.nanoTime() - start;
                    int status = r.statusCode();
                    if (status == 200 || status == 201) {
                        Map<?, ?> json = (Map<?, ?>) Json.parse(r.body());
                        int version = ((Number) json.get("version")).intValue();
                        Kind kind = Boolean.FALSE.equals(json.get("changed")) ? Kind.UNCHANGED : Kind.ACKNOWLEDGED;
                        return new Outcome(kind, version, null, null, nanos);
                    }
                    if (status == 409) {
                        Object current = null;
                        try { current = ((Map<?, ?>) Json.parse(r.body())).get("currentVersion"); } catch (RuntimeException ignored) { }
                        if (current instanceof Number n) return Outcome.failed("version conflict (HTTP 409)", n.intValue(), nanos);
                        return Outcome.failed("HTTP 409 without currentVersion", null, nanos);
                    }
                    return Outcome.failed("HTTP " + status + problemTitle(r.body()), null, nanos);
                } catch (Exception e) {
                    return Outcome.failed("transport: " + e.getClass().getSimpleName(), null, System.nanoTime() - start);
                }
            }

            @Override public Integer currentVersion(String project, String path) {
                try {
                    HttpResponse<String> r = send(request(project, "/files/content?path=" + q(path)).GET());
                    if (r.statusCode() != 200) return null;
                    return ((Number) ((Map<?, ?>) Json.parse(r.body())).get("version")).intValue();
                } catch (Exception e) {
                    return null;
                }
            }
        };
    }

    private static String problemTitle(String body) {
        try {
            Object title = ((Map<?, ?>) Json.parse(body)).get("title");
            return title == null ? "" : " " + title;
        } catch (RuntimeException e) {
            return "";
        }
    }

    @Override public boolean usesService() { return true; }

    @Override public void awaitSettled(String project, String path, int version) throws Exception {
        waitForReadModel(project, path, version);
    }

    @Override public void seed(String project, String path, String content) {
        Outcome o = client().save(project, path, content, 0);
        if (o.kind() != Kind.ACKNOWLEDGED) throw new IllegalStateException("seed failed: " + o.failure());
    }

    @Override public Integrity check(String project, String path, int seeded, List<Ack> acks) throws Exception {
        int expectedTop = acks.stream().mapToInt(Ack::version).max().orElse(seeded);
        String waited = waitForReadModel(project, path, expectedTop);

        Map<Integer, List<String>> stored = new TreeMap<>();
        Integer before = null;
        for (int page = 0; page < 100; page++) {
            HttpResponse<String> r = send(request(project, "/files/history?path=" + q(path) + "&limit=1000"
                    + (before == null ? "" : "&before=" + before)).GET());
            if (r.statusCode() != 200) throw new IllegalStateException("history: HTTP " + r.statusCode() + " " + r.body());
            Map<?, ?> json = (Map<?, ?>) Json.parse(r.body());
            for (Object e : (List<?>) json.get("entries")) {
                Map<?, ?> entry = (Map<?, ?>) e;
                stored.computeIfAbsent(((Number) entry.get("version")).intValue(), k -> new ArrayList<>())
                        .add((String) entry.get("contentHash"));
            }
            Object next = json.get("next");
            if (!(next instanceof Number n)) break;
            before = n.intValue();
        }

        HttpResponse<String> list = send(request(project, "/files").GET());
        int currentMarkers = 0;
        Integer currentVersion = null;
        if (list.statusCode() == 200) {
            for (Object f : (List<?>) Json.parse(list.body())) {
                Map<?, ?> file = (Map<?, ?>) f;
                if (path.equals(file.get("path"))) {
                    currentMarkers++;
                    currentVersion = ((Number) file.get("version")).intValue();
                }
            }
        }
        return Integrity.compare(stored, currentMarkers, currentVersion, seeded, acks, waited);
    }

    private String waitForReadModel(String project, String path, int version) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        int lastStatus = 0;
        while (System.nanoTime() < deadline) {
            HttpResponse<String> r = send(request(project,
                    "/files/content?path=" + q(path) + "&minVersion=" + version).GET());
            lastStatus = r.statusCode();
            if (lastStatus == 200) return null;
            Thread.sleep(200);
        }
        return "read model did not reach version " + version + " within 30 s (last answer HTTP " + lastStatus + ")";
    }

    @Override public String projectCheck(String project) {
        try {
            HttpResponse<String> r = api.send(request(project, "/verify").timeout(Duration.ofSeconds(60)).GET());
            if (r.statusCode() != 200) return "HTTP " + r.statusCode() + problemTitle(r.body());
            Map<?, ?> json = (Map<?, ?>) Json.parse(r.body());
            List<?> problems = (List<?>) json.get("problems");
            return "ok=" + json.get("ok") + ", files=" + json.get("files") + ", events=" + json.get("events")
                    + ", problems=" + (problems == null ? "?" : problems.size()
                    + (problems.isEmpty() ? "" : " (first: " + abbreviate(String.valueOf(problems.get(0)), 160) + ")"));
        } catch (Exception e) {
            return "failed: " + e;
        }
    }
}
