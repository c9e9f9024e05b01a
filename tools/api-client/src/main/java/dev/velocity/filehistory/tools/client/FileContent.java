package dev.velocity.filehistory.tools.client;

/** GET .../files/content: one version of a file with its content; {@code savedAt} is ISO-8601. */
public record FileContent(String path, int version, String content, String contentHash, String savedAt) {}
