package dev.velocity.filehistory.tools.bench.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Source-like text that a client edits: each {@link #next()} replaces 3 lines (chosen and written from a seeded
 * random, so both designs get the same texts) and returns the whole file, as an editor's autosave sends it.
 */
public final class Editor {
    private static final String[] NAMES = {"value", "index", "file", "history", "version", "result", "item", "count",
            "path", "content", "buffer", "entry", "offset", "node", "parent", "child", "options", "state"};
    private static final String[] CALLS = {"load", "save", "parse", "render", "update", "compute", "merge", "fetch",
            "resolve", "emit", "format", "normalize"};
    private final List<String> lines = new ArrayList<>();
    private Random random;
    private int save;

    public Editor(long seed, int bytes) { this(seed, seed, bytes); }

    /** The text from {@code textSeed}, the edits from {@code editSeed}: several editors of one file. */
    public Editor(long textSeed, long editSeed, int bytes) {
        random = new Random(textSeed);
        int size = 0;
        while (size < bytes) {
            String line = line();
            lines.add(line);
            size += line.length() + 1;
        }
        if (editSeed != textSeed) random = new Random(editSeed);
    }

    public String text() {
        StringBuilder sb = new StringBuilder(lines.size() * 48);
        for (String l : lines) sb.append(l).append('\n');
        return sb.toString();
    }

    public String next() {
        save++;
        for (int k = 0; k < 3; k++) {
            int at = random.nextInt(lines.size());
            String old = lines.get(at);
            String indent = old.substring(0, old.length() - old.stripLeading().length());
            lines.set(at, indent + line().strip() + (k == 0 ? " // edit " + save : ""));
        }
        return text();
    }

    private String name() { return NAMES[random.nextInt(NAMES.length)] + (random.nextInt(4) == 0 ? random.nextInt(10) : ""); }
    private String call() { return CALLS[random.nextInt(CALLS.length)]; }

    private String line() {
        String indent = "  ".repeat(random.nextInt(4));
        return indent + switch (random.nextInt(8)) {
            case 0 -> "const " + name() + " = " + call() + "(" + name() + ", " + random.nextInt(100) + ");";
            case 1 -> "if (" + name() + " > " + random.nextInt(1000) + ") { return " + name() + "; }";
            case 2 -> name() + "." + call() + "(" + name() + ");";
            case 3 -> "// " + call() + " the " + name() + " before the " + name() + " is " + call() + "d";
            case 4 -> "function " + call() + name() + "(" + name() + ", " + name() + ") {";
            case 5 -> "}";
            case 6 -> "let " + name() + " = " + name() + " + " + random.nextInt(10) + ";";
            default -> "return await " + call() + "(" + name() + ", { " + name() + ": " + name() + " });";
        };
    }
}
