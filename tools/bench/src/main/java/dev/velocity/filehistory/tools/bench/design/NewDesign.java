package dev.velocity.filehistory.tools.bench.design;

import dev.velocity.filehistory.tools.bench.Format;
import dev.velocity.filehistory.tools.client.Answer;
import dev.velocity.filehistory.tools.client.ApiClient;
import dev.velocity.filehistory.tools.client.FileEntry;
import dev.velocity.filehistory.tools.client.History;
import dev.velocity.filehistory.tools.client.HistoryPage;
import dev.velocity.filehistory.tools.client.Project;
import dev.velocity.filehistory.tools.client.Read;
import dev.velocity.filehistory.tools.client.Verification;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Velocity, through its HTTP API (and its database for the size only). */
public final class NewDesign implements Design {

    private static final Duration READ_MODEL_WAIT = Duration.ofSeconds(30);

    private final ApiClient api;
    private final Map<String, Project> projects = new ConcurrentHashMap<>();
    private final String jdbc;
    private final String dbUser;
    private final String dbPassword;

    /** {@code jdbc} is the service's own database (for its size only), null if not given. */
    public NewDesign(String origin, String jdbc, String dbUser, String dbPassword) {
        this.api = new ApiClient(origin);
        this.jdbc = jdbc;
        this.dbUser = dbUser;
        this.dbPassword = dbPassword;
    }

    @Override
    public String name() {
        return "new (Velocity)";
    }

    @Override
    public boolean isVelocity() {
        return true;
    }

    @Override
    public boolean usesService() {
        return true;
    }

    @Override
    public String newProject(String label) throws Exception {
        Project project = api.createProject(label, "bench");
        projects.put(project.id(), project);
        return project.id();
    }

    @Override
    public Client client() {
        return new NewClient(api, projects::get);
    }

    @Override
    public void seed(String project, String path, String content) {
        Outcome outcome = client().save(project, path, content, 0);
        if (outcome.kind() != Outcome.Kind.ACKNOWLEDGED) {
            throw new IllegalStateException("seed failed: " + outcome.failure());
        }
    }

    /** Reads the history back once the read model shows the newest acknowledged version, and the file list. */
    @Override
    public Integrity check(String project, String path, int seeded, List<Ack> acks) throws Exception {
        int expectedTop = acks.stream().mapToInt(Ack::version).max().orElse(seeded);
        History history = api.history(projects.get(project), path, expectedTop,
                System.nanoTime() + READ_MODEL_WAIT.toNanos());
        Answer<List<FileEntry>> files = api.files(projects.get(project), Read.current());
        List<FileEntry> marked = !files.ok() ? List.of()
                : files.body().stream().filter(file -> file.path().equals(path)).toList();
        Integer currentVersion = marked.isEmpty() ? null : marked.get(marked.size() - 1).version();
        String note = history.problems().isEmpty() ? null : String.join("; ", history.problems());
        return Integrity.compare(history.hashesByVersion(), marked.size(), currentVersion, seeded, acks, note);
    }

    @Override
    public String projectCheck(String project) {
        try {
            Answer<Verification> answer = api.verify(projects.get(project), System.nanoTime());
            if (!answer.ok()) {
                return "HTTP " + answer.status() + (answer.problem() == null ? "" : " " + answer.problem().title());
            }
            Verification verification = answer.body();
            List<?> problems = verification.problems();
            return "ok=" + verification.ok() + ", files=" + verification.files() + ", events=" + verification.events()
                    + ", problems=" + (problems == null ? "?" : problems.size() + (problems.isEmpty() ? ""
                    : " (first: " + Format.abbreviate(String.valueOf(problems.get(0)), 160) + ")"));
        } catch (Exception e) {
            return "failed: " + e;
        }
    }

    @Override
    public void awaitSettled(String project, String path, int version) throws Exception {
        long deadline = System.nanoTime() + READ_MODEL_WAIT.toNanos();
        while (System.nanoTime() < deadline && visible(project, path, version) != 200) {
            Thread.sleep(200);
        }
    }

    /** GET content with minVersion: the HTTP status (200 once the read model has the version, 503 after ~5 s). */
    public int visible(String project, String path, int version) {
        try {
            return api.content(projects.get(project), path, Read.minVersion(version)).status();
        } catch (Exception e) {
            return -1;
        }
    }

    @Override
    public void readHistoryPage(String project, String path, Integer before, int limit) throws Exception {
        HistoryPage page = api.historyPage(projects.get(project), path, before, limit, Read.current()).orThrow("history");
        if (page.entries().isEmpty()) {
            throw new IllegalStateException("empty history page");
        }
    }

    @Override
    public void readVersion(String project, String path, int version) throws Exception {
        api.content(projects.get(project), path, Read.version(version)).orThrow("content version " + version);
    }

    @Override
    public String savedAt(String project, String path, int version) throws Exception {
        return api.content(projects.get(project), path, Read.version(version)).orThrow("content version " + version)
                .savedAt();
    }

    @Override
    public void readAsOf(String project, String path, String at, boolean content) throws Exception {
        if (content) {
            api.content(projects.get(project), path, Read.at(at)).orThrow("content at " + at);
        } else {
            api.files(projects.get(project), Read.at(at)).orThrow("file list at " + at);
        }
    }

    @Override
    public long[] storedBytes(boolean vacuumFull) throws SQLException {
        if (jdbc == null) {
            return null;
        }
        try (Connection connection = DriverManager.getConnection(jdbc, dbUser, dbPassword)) {
            return DatabaseSize.measure(connection, vacuumFull);
        }
    }
}
