package bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static bench.Contents.*;
import static bench.Format.*;

/** The storage section's yardstick: the same texts as commits of a git repository. */
record GitStorage(int commits, long packBytes, long objectBytes, double seconds, String failure) {

    /** The same texts as {@link Storage#measure} as commits of a fresh git repository (git fast-import), then git gc --aggressive. */
    static GitStorage measure(int saves, int bytes) {
        long start = System.nanoTime();
        Path dir = null;
        try {
            dir = Files.createTempDirectory("velocity-bench-git");
            git(dir, null, "init", "-q");
            Editor editor = new Editor(seed("storage", 0), bytes);
            Path stream = dir.resolve("import.stream");
            try (var out = new java.io.BufferedOutputStream(Files.newOutputStream(stream))) {
                for (int i = 0; i <= saves; i++) {
                    byte[] text = (i == 0 ? editor.text() : editor.next()).getBytes(StandardCharsets.UTF_8);
                    byte[] message = ("save " + i + "\n").getBytes(StandardCharsets.UTF_8);
                    out.write(("commit refs/heads/bench\ncommitter Bench <bench@example.invalid> " + (1_700_000_000L + i)
                            + " +0000\ndata " + message.length + "\n").getBytes(StandardCharsets.UTF_8));
                    out.write(message);
                    out.write(("M 100644 inline src/storage.js\ndata " + text.length + "\n").getBytes(StandardCharsets.UTF_8));
                    out.write(text);
                    out.write('\n');
                }
            }
            git(dir, stream, "fast-import", "--quiet");
            Files.delete(stream);
            git(dir, null, "gc", "--aggressive", "-q");
            String count = git(dir, null, "rev-list", "--count", "bench").strip();
            long pack = 0, objects = 0;
            try (var files = Files.walk(dir.resolve(".git/objects"))) {
                for (Path f : (Iterable<Path>) files::iterator) {
                    if (!Files.isRegularFile(f)) continue;
                    long size = Files.size(f);
                    objects += size;
                    if (f.getParent().getFileName().toString().equals("pack")) pack += size;
                }
            }
            return new GitStorage(Integer.parseInt(count), pack, objects, (System.nanoTime() - start) / 1e9, null);
        } catch (Exception e) {
            return new GitStorage(0, 0, 0, (System.nanoTime() - start) / 1e9, String.valueOf(e));
        } finally {
            if (dir != null) {
                try (var files = Files.walk(dir)) {
                    files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
                } catch (Exception ignored) { }
            }
        }
    }

    static String git(Path dir, Path stdin, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("git", "-C", dir.toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        if (stdin != null) pb.redirectInput(stdin.toFile());
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(300, java.util.concurrent.TimeUnit.SECONDS) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IllegalStateException("git " + String.join(" ", args) + " failed: " + abbreviate(out, 300));
        }
        return out;
    }
}
