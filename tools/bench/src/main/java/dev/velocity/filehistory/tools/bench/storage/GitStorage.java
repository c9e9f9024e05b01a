package dev.velocity.filehistory.tools.bench.storage;

import dev.velocity.filehistory.tools.bench.Format;
import dev.velocity.filehistory.tools.bench.text.Contents;
import dev.velocity.filehistory.tools.bench.text.Editor;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The storage section's yardstick: the same texts as commits of a git repository, packed. */
record GitStorage(int commits, long packBytes, long objectBytes, double seconds, String failure) {

    /** The texts of {@link Storage#measure} as commits of a fresh repository (git fast-import), then git gc --aggressive. */
    static GitStorage measure(int saves, int bytes) {
        long start = System.nanoTime();
        Path dir = null;
        try {
            dir = Files.createTempDirectory("velocity-bench-git");
            git(dir, null, "init", "-q");
            Path stream = dir.resolve("import.stream");
            writeImport(stream, saves, bytes);
            git(dir, stream, "fast-import", "--quiet");
            Files.delete(stream);
            git(dir, null, "gc", "--aggressive", "-q");
            int commits = Integer.parseInt(git(dir, null, "rev-list", "--count", "bench").strip());
            long[] sizes = objectSizes(dir.resolve(".git/objects"));
            return new GitStorage(commits, sizes[0], sizes[1], (System.nanoTime() - start) / 1e9, null);
        } catch (Exception e) {
            return new GitStorage(0, 0, 0, (System.nanoTime() - start) / 1e9, String.valueOf(e));
        } finally {
            deleteTree(dir);
        }
    }

    /** A fast-import stream: one commit per text, the seed first, what `git add` + `git commit` would store. */
    private static void writeImport(Path stream, int saves, int bytes) throws IOException {
        Editor editor = new Editor(Contents.seed("storage", 0), bytes);
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(stream))) {
            for (int i = 0; i <= saves; i++) {
                byte[] text = (i == 0 ? editor.text() : editor.next()).getBytes(StandardCharsets.UTF_8);
                byte[] message = ("save " + i + "\n").getBytes(StandardCharsets.UTF_8);
                out.write(("commit refs/heads/bench\ncommitter Bench <bench@example.invalid> " + (1_700_000_000L + i)
                        + " +0000\ndata " + message.length + "\n").getBytes(StandardCharsets.UTF_8));
                out.write(message);
                out.write(("M 100644 inline " + Storage.PATH + "\ndata " + text.length + "\n")
                        .getBytes(StandardCharsets.UTF_8));
                out.write(text);
                out.write('\n');
            }
        }
    }

    /** {bytes in objects/pack, bytes of all objects}. */
    private static long[] objectSizes(Path objects) throws IOException {
        long pack = 0;
        long all = 0;
        try (var files = Files.walk(objects)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                if (Files.isRegularFile(file)) {
                    long size = Files.size(file);
                    all += size;
                    pack += file.getParent().getFileName().toString().equals("pack") ? size : 0;
                }
            }
        }
        return new long[] {pack, all};
    }

    private static String git(Path dir, Path stdin, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("git", "-C", dir.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        if (stdin != null) {
            builder.redirectInput(stdin.toFile());
        }
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(300, TimeUnit.SECONDS) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IllegalStateException("git " + String.join(" ", args) + " failed: " + Format.abbreviate(out, 300));
        }
        return out;
    }

    private static void deleteTree(Path dir) {
        if (dir == null) {
            return;
        }
        try (var files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        } catch (IOException e) {
            System.err.println("could not delete " + dir + ": " + e.getMessage());
        }
    }
}
