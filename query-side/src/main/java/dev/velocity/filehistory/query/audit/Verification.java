package dev.velocity.filehistory.query.audit;

import java.util.List;

/**
 * The answer of {@code GET /api/projects/{projectId}/verify}: {@code files} and {@code events} count the files and
 * their events, {@code projectEvents} the events of the project's own stream (0 for a project from before it);
 * {@code head} pins the newest event hash of every stream (docs/audit.md); {@code ok} is true when no problem was
 * found.
 */
record Verification(boolean ok, int files, long events, long projectEvents, String head, List<Problem> problems) {
}
