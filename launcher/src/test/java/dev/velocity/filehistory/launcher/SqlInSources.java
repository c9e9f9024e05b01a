package dev.velocity.filehistory.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What the main sources say to the database: the string literals of every Java file (where SQL lives; comments may
 * name any table) and the migration scripts, and which module owns which table (the tables its own migrations
 * create). ArchUnit sees classes, not the SQL in their strings, so the table-ownership rules read the sources.
 */
final class SqlInSources {

    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    /** Module directory and the name of its migrations (db/<name>). */
    static final Map<String, String> MODULES = Map.of("platform", "platform", "history-core", "history",
            "command-side", "command", "query-side", "query");

    private static final Pattern CREATE_TABLE = Pattern.compile("(?i)CREATE\\s+TABLE\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?(\\w+)");

    private SqlInSources() {
    }

    /** The tables each module's migrations create, by module directory. */
    static Map<String, Set<String>> ownedTables() {
        Map<String, Set<String>> owned = new LinkedHashMap<>();
        MODULES.forEach((module, name) -> {
            Set<String> tables = new TreeSet<>();
            for (Path script : files(ROOT.resolve(module).resolve("src/main/resources/db").resolve(name), ".sql")) {
                Matcher created = CREATE_TABLE.matcher(read(script));
                while (created.find()) {
                    tables.add(created.group(1).toLowerCase());
                }
            }
            owned.put(module, tables);
        });
        return owned;
    }

    /** Every main Java file of a module with the text of its string literals (text blocks included). */
    static Map<Path, String> javaStrings(String module) {
        Map<Path, String> strings = new LinkedHashMap<>();
        for (Path source : files(ROOT.resolve(module).resolve("src/main/java"), ".java")) {
            strings.put(ROOT.relativize(source), String.join("\n", literals(read(source))));
        }
        return strings;
    }

    /** Every migration script of a module with its text. */
    static Map<Path, String> migrations(String module) {
        Map<Path, String> scripts = new LinkedHashMap<>();
        for (Path script : files(ROOT.resolve(module).resolve("src/main/resources/db"), ".sql")) {
            scripts.put(ROOT.relativize(script), read(script));
        }
        return scripts;
    }

    /** True if the text names the table as a word (case-insensitive, as SQL reads it). */
    static boolean names(String text, String table) {
        return Pattern.compile("(?i)\\b" + Pattern.quote(table) + "\\b").matcher(text).find();
    }

    /** The string literals of Java source, skipping comments and character literals. */
    static List<String> literals(String source) {
        List<String> found = new ArrayList<>();
        int i = 0;
        while (i < source.length()) {
            if (source.startsWith("//", i)) {
                i = end(source.indexOf('\n', i), source);
            } else if (source.startsWith("/*", i)) {
                i = end(source.indexOf("*/", i + 2), source) + 2;
            } else if (source.startsWith("\"\"\"", i)) {
                int close = source.indexOf("\"\"\"", i + 3);
                found.add(source.substring(i + 3, end(close, source)));
                i = end(close, source) + 3;
            } else if (source.charAt(i) == '"' || source.charAt(i) == '\'') {
                char quote = source.charAt(i);
                int j = i + 1;
                while (j < source.length() && source.charAt(j) != quote) {
                    j += source.charAt(j) == '\\' ? 2 : 1;
                }
                if (quote == '"') {
                    found.add(source.substring(i + 1, Math.min(j, source.length())));
                }
                i = j + 1;
            } else {
                i++;
            }
        }
        return found;
    }

    private static int end(int index, String source) {
        return index < 0 ? source.length() : index;
    }

    private static List<Path> files(Path directory, String suffix) {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            return paths.filter(path -> path.toString().endsWith(suffix)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
