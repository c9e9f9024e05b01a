package dev.velocity.filehistory.query.export;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * Writes {@code git fast-import} commands (git-fast-import(1)): commits on one branch, each continuing from the
 * one before, with file changes as {@code M} (inline content), {@code D} and {@code R}. Every {@code data} block
 * is preceded by its exact UTF-8 byte count; paths are always C-style quoted, so spaces and quotes are safe.
 */
final class FastImportWriter {

    private static final String BRANCH = "refs/heads/main";
    private static final String EMAIL_DOMAIN = "velocity.invalid";

    private final OutputStream out;

    FastImportWriter(OutputStream out) {
        this.out = out;
    }

    void commit(String user, Instant at, String message) throws IOException {
        String ident = name(user) + " <" + email(user) + "> " + at.getEpochSecond() + " +0000\n";
        write("commit " + BRANCH + "\n" + "author " + ident + "committer " + ident);
        data(message);
    }

    void modify(String path, String content) throws IOException {
        write("M 100644 inline " + quote(path) + "\n");
        data(content);
    }

    void delete(String path) throws IOException {
        write("D " + quote(path) + "\n");
    }

    void rename(String from, String to) throws IOException {
        write("R " + quote(from) + " " + quote(to) + "\n");
    }

    void endCommit() throws IOException {
        write("\n");
    }

    private void data(String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        write("data " + bytes.length + "\n");
        out.write(bytes);
        write("\n");
    }

    private void write(String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
    }

    /** A git ident name may not hold '<', '>' or a line break. */
    private static String name(String user) {
        String name = user.replaceAll("[<>\\p{Cntrl}]", "").trim();
        return name.isEmpty() ? "unknown" : name;
    }

    private static String email(String user) {
        String local = user.replaceAll("[<>\\s\\p{Cntrl}]", "_");
        return (local.isEmpty() ? "unknown" : local) + "@" + EMAIL_DOMAIN;
    }

    private static String quote(String path) {
        return "\"" + path.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
