package dev.velocity.filehistory.launcher;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.velocity.filehistory.launcher.Api.Project;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/** What an auditor does with the audit routes: verify, export the whole stream, check it with the script. */
final class AuditExport {

    /** A hang detector for a loaded machine: each 503 has already waited velocity.read-wait-timeout. */
    private static final Duration CATCH_UP = Duration.ofMinutes(2);
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
        return readOnceCaughtUp(project, "/verify").json();
    }

    /** Every page of the project's audit stream, concatenated, as an auditor downloads it. */
    String export(Project project) {
        StringBuilder all = new StringBuilder();
        long after = 0;
        while (true) {
            String page = readOnceCaughtUp(project, "/events?limit=5&after=" + after).body();
            List<String> lines = page.lines().filter(line -> !line.isBlank()).toList();
            if (lines.isEmpty()) {
                return all.toString();
            }
            lines.forEach(line -> all.append(line).append('\n'));
            after = position(lines.get(lines.size() - 1));
        }
    }

    /** An audit route's 200, asking again (as its Retry-After says) while it answers 503 read-model-behind. */
    private Api.Response readOnceCaughtUp(Project project, String route) {
        AtomicReference<Api.Response> answer = new AtomicReference<>();
        await().atMost(CATCH_UP).pollInterval(Duration.ofSeconds(1)).pollDelay(Duration.ZERO).until(() -> {
            answer.set(api.get("/api/projects/" + project.id() + route, project.token()));
            return answer.get().status() != 503;
        });
        if (answer.get().status() != 200) {
            throw new AssertionError(route + " answered " + answer.get());
        }
        return answer.get();
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
