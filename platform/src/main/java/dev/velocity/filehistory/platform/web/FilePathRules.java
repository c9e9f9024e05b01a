package dev.velocity.filehistory.platform.web;

import java.nio.charset.StandardCharsets;

/**
 * What a file path may be (api.md): {@code /}-separated, project-relative, no empty, {@code .} or {@code ..}
 * segment, no backslash, no control character, at most 1024 UTF-8 bytes.
 */
public final class FilePathRules {

    public static final int MAX_PATH_BYTES = 1024;

    private FilePathRules() {
    }

    /** Returns the path unchanged, or throws a 400 naming the rule it breaks. */
    public static String requireValid(String name, String path) {
        if (path == null || path.isEmpty()) {
            throw ApiProblem.badRequest("'" + name + "' is required");
        }
        if (path.getBytes(StandardCharsets.UTF_8).length > MAX_PATH_BYTES) {
            throw ApiProblem.badRequest("'" + name + "' is longer than " + MAX_PATH_BYTES + " UTF-8 bytes");
        }
        if (path.startsWith("/")) {
            throw ApiProblem.badRequest("'" + name + "' must be relative to the project (no leading '/')");
        }
        if (path.indexOf('\\') >= 0) {
            throw ApiProblem.badRequest("'" + name + "' must use '/' as separator, not '\\'");
        }
        if (path.codePoints().anyMatch(c -> Character.getType(c) == Character.CONTROL)) {
            throw ApiProblem.badRequest("'" + name + "' must not contain control characters");
        }
        if (!isWellFormedUtf16(path)) {
            throw ApiProblem.badRequest("'" + name + "' is not valid Unicode text");
        }
        for (String segment : path.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                throw ApiProblem.badRequest("'" + name + "' must not contain an empty, '.' or '..' segment");
            }
        }
        return path;
    }

    private static boolean isWellFormedUtf16(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    return false;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }
}
