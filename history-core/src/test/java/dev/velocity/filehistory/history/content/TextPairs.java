package dev.velocity.filehistory.history.content;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Seeded text pairs shaped like what the editor diffs: a text and the same text a few edits later (typing in a line,
 * deleting lines, pasting a block), over source code whose lines are all different, code full of repeated lines
 * (braces, blank lines: where a diff has several equally short answers), prose, and the edges of a text.
 */
final class TextPairs {

    record Pair(String name, String base, String target) {
    }

    private TextPairs() {
    }

    static List<Pair> seeded() {
        List<Pair> pairs = new ArrayList<>();
        Random unique = new Random(19);
        for (int i = 0; i < 40; i++) {
            List<String> lines = uniqueCode(20 + unique.nextInt(60), unique);
            pairs.add(pair("unique-" + i, lines, edited(lines, unique)));
        }
        Random blocks = new Random(23);
        for (int i = 0; i < 40; i++) {
            List<String> lines = functions(3 + blocks.nextInt(8), blocks);
            pairs.add(pair("blocks-" + i, lines, edited(lines, blocks)));
        }
        Random prose = new Random(29);
        for (int i = 0; i < 20; i++) {
            List<String> lines = prose(5 + prose.nextInt(10), prose);
            pairs.add(pair("prose-" + i, lines, edited(lines, prose)));
        }
        String[][] edges = {
            {"", "a"}, {"a", ""}, {"a\n", "a"}, {"a", "a\n"}, {"\n\n\n", "\n"}, {"x\r\ny\r\n", "x\r\nz\r\n"},
            {"a\nb\nc", "c\nb\na"}, {"a\na\na", "a\na"}, {"x", "x\nx"}, {"}\n}\n", "}\n}\n}\n"}, {"", ""},
            {"same\n", "same\n"}, {"one\ntwo\n", "two\none\n"}, {"a\n\nb\n\nc\n", "a\n\nb\n\nx\n\nc\n"},
        };
        for (int i = 0; i < edges.length; i++) {
            pairs.add(new Pair("edge-" + i, edges[i][0], edges[i][1]));
        }
        return pairs;
    }

    private static Pair pair(String name, List<String> base, List<String> target) {
        return new Pair(name, String.join("\n", base) + "\n", String.join("\n", target) + "\n");
    }

    private static List<String> uniqueCode(int count, Random random) {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            lines.add("const v" + i + " = " + random.nextInt(1000) + ";");
        }
        return lines;
    }

    private static List<String> functions(int count, Random random) {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            lines.addAll(function("f" + i, random));
        }
        return lines;
    }

    private static List<String> function(String name, Random random) {
        List<String> lines = new ArrayList<>(List.of("function " + name + "() {", "  if (ready) {"));
        lines.add("    return " + random.nextInt(100) + ";");
        lines.addAll(List.of("  }", "  return 0;", "}", ""));
        return lines;
    }

    private static List<String> prose(int paragraphs, Random random) {
        List<String> lines = new ArrayList<>(List.of("# Notes", ""));
        for (int i = 0; i < paragraphs; i++) {
            lines.add(random.nextBoolean() ? "- item " + random.nextInt(20) : "Paragraph " + random.nextInt(20) + ".");
            lines.add("");
            if (random.nextInt(4) == 0) {
                lines.addAll(List.of("---", ""));
            }
        }
        return lines;
    }

    /** One to four edits between two autosaves. */
    private static List<String> edited(List<String> base, Random random) {
        List<String> lines = new ArrayList<>(base);
        for (int n = random.nextInt(4); n >= 0; n--) {
            int at = random.nextInt(lines.size() + 1);
            int kind = random.nextInt(6);
            if (at == lines.size() && kind != 2 && kind != 3) {
                kind = 2;
            }
            switch (kind) {
                case 0 -> lines.set(at, lines.get(at) + " // typed " + random.nextInt(100));
                case 1 -> lines.remove(at);
                case 2 -> lines.add(at, "inserted " + random.nextInt(100));
                case 3 -> lines.addAll(at, function("pasted" + random.nextInt(100), random));
                case 4 -> lines.add(at, lines.get(at));
                default -> {
                    for (int k = Math.min(lines.size(), at + 1 + random.nextInt(3)) - 1; k >= at; k--) {
                        lines.remove(k);
                    }
                }
            }
        }
        return lines;
    }
}
