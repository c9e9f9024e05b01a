package dev.velocity.filehistory.query.audit;

import java.util.List;

/**
 * The answer of {@code GET /api/projects/{projectId}/verify}: {@code head} pins every file's newest event hash
 * (docs/audit.md); {@code ok} is true when no problem was found.
 */
record Verification(boolean ok, int files, long events, String head, List<Problem> problems) {
}
