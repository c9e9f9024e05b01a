package dev.velocity.filehistory.tools.bench.text;

import java.util.Random;

/** The deterministic texts both designs get: seeds per workload and client, and code-like content. */
public final class Contents {

    private Contents() {}

    public static long seed(String key, int client) { return key.hashCode() * 1_000_003L + client; }

    /** Code-like text of about {@code bytes} bytes, different for every (client, save), same for both designs. */
    public static String content(int save, int client, int bytes) {
        Random random = new Random(31L * client + save * 1_000_003L);
        String[] words = {"const", "let", "return", "function", "if", "else", "await", "value", "index", "file",
                "history", "version", "=", "+", "(", ")", "{", "}", ";", "=>", "0", "1", "42", "null", "true"};
        StringBuilder sb = new StringBuilder(bytes + 64);
        sb.append("// client ").append(client).append(" save ").append(save).append('\n');
        while (sb.length() < bytes) {
            int n = 4 + random.nextInt(10);
            for (int i = 0; i < n; i++) sb.append(words[random.nextInt(words.length)]).append(' ');
            sb.append("x").append(Long.toHexString(random.nextLong())).append('\n');
        }
        sb.setLength(bytes);
        return sb.toString();
    }
}
