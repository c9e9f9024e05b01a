package dev.velocity.filehistory.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.velocity.filehistory.launcher.Api.Project;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The export loads into a real git repository with one commit per history entry and our content at each. */
class ExportIT extends RunningSystem {

    private record Entry(long position, UUID fileId, int version, String kind, String path, String by) {
    }

    @TempDir
    Path temp;

    @Test
    void theExportIsAGitHistoryWithOneCommitPerEntry() throws Exception {
        Project alice = api.createProject("export", "alice");
        Project bob = api.addMember(alice, "bob");
        api.save(alice, "src/app.js", "console.log(1)\n", 0);
        api.save(bob, "src/app.js", "console.log(1)\nconsole.log(2)\n", 1);
        api.save(alice, "notes.md", "héllo ✓ \"quoted\"\n", 0);
        api.move(alice, "src/app.js", "lib/my app.js", 2);
        api.delete(bob, "notes.md", 1);
        api.restore(alice, "notes.md", 1, 2);
        api.restore(alice, "lib/my app.js", 1, 3);
        api.save(alice, "lib/my app.js", "", 4);
        List<Entry> entries = entries(alice);
        assertThat(entries).hasSize(8);

        Path repository = fastImport(export(alice));

        List<String> commits = new ArrayList<>(lines(git(repository, "log", "--format=%H", "main")));
        java.util.Collections.reverse(commits);
        assertThat(commits).hasSize(entries.size());
        for (int i = 0; i < entries.size(); i++) {
            Entry entry = entries.get(i);
            String commit = commits.get(i);
            Map<String, String> live = liveHashes(alice, entry.position());
            assertThat(lines(git(repository, "ls-tree", "-r", "--name-only", "-z", commit).replace('\0', '\n')))
                    .as("tree at %s", entry).containsExactlyInAnyOrderElementsOf(live.keySet());
            for (Map.Entry<String, String> file : live.entrySet()) {
                assertThat(sha256(git(repository, "show", commit + ":" + file.getKey())))
                        .as("%s at %s", file.getKey(), entry).isEqualTo(file.getValue());
            }
            if (entry.kind().equals("DELETED")) {
                assertThat(live).doesNotContainKey(entry.path());
            }
            assertThat(git(repository, "log", "-1", "--format=%an <%ae>", commit).trim())
                    .isEqualTo(entry.by() + " <" + entry.by() + "@velocity.invalid>");
            String message = git(repository, "log", "-1", "--format=%B", commit);
            assertThat(message).contains("Velocity-File-Id: " + entry.fileId(), "Velocity-Version: " + entry.version());
            String eventHash = storedEventHash(entry.position());
            if (eventHash == null) {
                assertThat(message).doesNotContain("Velocity-Event-Hash");
            } else {
                assertThat(message).contains("Velocity-Event-Hash: " + eventHash);
            }
        }
        assertThat(git(repository, "log", "-1", "--format=%s", commits.get(0)).trim())
                .isEqualTo("CREATED src/app.js v1");
    }

    private List<Entry> entries(Project project) {
        api.list(project, "?minVersion=1");
        return jdbc.query("SELECT position, file_id, version, kind, path, by FROM file_versions "
                        + "WHERE project_id = ?::uuid ORDER BY position",
                (rs, i) -> new Entry(rs.getLong(1), rs.getObject(2, UUID.class), rs.getInt(3), rs.getString(4),
                        rs.getString(5), rs.getString(6)), project.id());
    }

    /** What the point-in-time list says was live just after the entry: path to content hash. */
    private Map<String, String> liveHashes(Project project, long position) {
        Map<String, String> live = new HashMap<>();
        for (JsonNode file : api.list(project, "?position=" + position).json()) {
            live.put(file.get("path").asText(), file.get("contentHash").asText());
        }
        return live;
    }

    private String storedEventHash(long position) throws IOException {
        byte[] payload = jdbc.queryForObject("SELECT payload FROM domainevententry WHERE globalindex = ?",
                byte[].class, position);
        JsonNode hash = Api.JSON.readTree(payload).get("eventHash");
        return hash == null || hash.isNull() ? null : hash.asText();
    }

    private byte[] export(Project project) throws Exception {
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(api.url("/api/projects/" + project.id() + "/export")))
                .header("Authorization", "Bearer " + project.token()).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse(""))
                .startsWith("application/x-git-fast-import");
        return response.body();
    }

    private Path fastImport(byte[] stream) throws Exception {
        Path repository = temp.resolve("history.git");
        git(temp, "init", "--bare", "--quiet", repository.toString());
        Process process = new ProcessBuilder("git", "-C", repository.toString(), "fast-import", "--quiet")
                .redirectErrorStream(true).start();
        try (OutputStream in = process.getOutputStream()) {
            in.write(stream);
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as(output).isZero();
        return repository;
    }

    private static String git(Path directory, String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of("git", "-C", directory.toString()));
        command.addAll(Arrays.asList(arguments));
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        try (InputStream out = process.getInputStream()) {
            out.transferTo(output);
        }
        assertThat(process.waitFor()).as(String.join(" ", command)).isZero();
        return output.toString(StandardCharsets.UTF_8);
    }

    private static List<String> lines(String text) {
        return text.isEmpty() ? List.of() : Arrays.stream(text.split("\n")).filter(line -> !line.isEmpty()).toList();
    }
}
