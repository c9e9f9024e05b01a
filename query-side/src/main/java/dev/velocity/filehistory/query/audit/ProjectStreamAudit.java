package dev.velocity.filehistory.query.audit;

import dev.velocity.filehistory.api.ProjectEvent;
import java.util.function.Consumer;

/**
 * Checks a project's own event stream (aggregate identifier = project id): its sequence and hash chain
 * ({@link StreamCheck}), and that each event is a project event of this project. A problem names the project id in
 * place of a file id, no path, and the event's place in the stream (1-based) in place of a version.
 */
final class ProjectStreamAudit {

    private final String projectId;
    private final Consumer<Problem> problems;
    private final StreamCheck stream;
    private long events;

    ProjectStreamAudit(String projectId, Consumer<Problem> problems) {
        this.projectId = projectId;
        this.problems = problems;
        this.stream = new StreamCheck("event", this::problem);
    }

    /** The hash of the stream's newest event, as the chain counts it. */
    String newestHash() {
        return stream.head();
    }

    long events() {
        return events;
    }

    void accept(StoredEvent stored) {
        events++;
        int entry = (int) stored.sequence() + 1;
        stream.inSequence(stored.sequence());
        ProjectEvent event = stream.payload(stored, ProjectEvent.class, "a project event");
        if (event == null) {
            return;
        }
        if (!projectId.equals(event.projectId())) {
            problem(entry, "the event names project " + event.projectId());
        }
        stream.link(event, stored.revision(), entry);
    }

    private void problem(int entry, String what) {
        problems.accept(new Problem(projectId, null, entry, "the project's own stream: " + what));
    }
}
