package dev.velocity.filehistory.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import dev.velocity.filehistory.launcher.Api.Project;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** What an auditor does with the audit routes: verify, export the whole stream, check it with the script. */
final class AuditExport {

    private static final Path SCRIPT = Path.of("..", "docs", "verify-export.py").toAbsolutePath().normalize();

    private final Api api;

    AuditExport(Api api) {
        this.api = api;
    }

    record ScriptResult(int exitCode, String output) {

        String head() {
            return output.lines().filter(line -> line.startsWith("head ")).map(line -> line.substring(5))
                    .findFirst().orElseThrow(() -> new AssertionError("No head printed: " + output));
        }
    }

    /** The verification, asked again while the read models are still behind (503) on a loaded machine. */
    JsonNode verify(Project project) {
        Api.Response response = api.get("/api/projects/" + project.id() + "/verify", project.token());
        for (int attempt = 1; response.status() == 503 && attempt < 20; attempt++) {
            response = api.get("/api/projects/" + project.id() + "/verify", project.token());
        }
        if (response.status() != 200) {
            throw new AssertionError("verify answered " + response);
        }
        return response.json();
    }

    /** Every page of the project's audit stream, concatenated, as an auditor downloads it. */
    String export(Project project) {
        StringBuilder all = new StringBuilder();
        long after = 0;
        while (true) {
            String page = api.get("/api/projects/" + project.id() + "/events?limit=5&after=" + after,
                    project.token()).body();
            List<String> lines = page.lines().filter(line -> !line.isBlank()).toList();
            if (lines.isEmpty()) {
                return all.toString();
            }
            lines.forEach(line -> all.append(line).append('\n'));
            after = position(lines.get(lines.size() - 1));
        }
    }

    private static long position(String line) {
        try {
            return Api.JSON.readTree(line).get("position").asLong();
        } catch (IOException e) {
            throw new UncheckedIOException("Not JSON: " + line, e);
        }
    }

    ScriptResult runScript(String export) {
        try {
            Path file = Files.createTempFile("velocity-export", ".ndjson");
            try {
                Files.writeString(file, export, StandardCharsets.UTF_8);
                Process process = new ProcessBuilder("python3", SCRIPT.toString(), file.toString())
                        .redirectErrorStream(true).start();
                String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                if (!process.waitFor(60, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    throw new AssertionError("The script did not finish: " + output);
                }
                return new ScriptResult(process.exitValue(), output);
            } finally {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
