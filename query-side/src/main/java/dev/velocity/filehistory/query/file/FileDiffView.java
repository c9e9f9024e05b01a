package dev.velocity.filehistory.query.file;

/** A unified diff ({@code diff -u} format, 3 lines of context), empty when the versions have the same content. */
record FileDiffView(String unifiedDiff) {
}
