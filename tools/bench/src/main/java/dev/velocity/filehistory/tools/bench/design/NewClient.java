package dev.velocity.filehistory.tools.bench.design;

import dev.velocity.filehistory.tools.client.Answer;
import dev.velocity.filehistory.tools.client.ApiClient;
import dev.velocity.filehistory.tools.client.FileContent;
import dev.velocity.filehistory.tools.client.Project;
import dev.velocity.filehistory.tools.client.Read;
import dev.velocity.filehistory.tools.client.Saved;
import java.util.function.Function;

/** A client of Velocity: PUT .../files through the shared HTTP client, as the editor saves. */
final class NewClient implements Client {

    private final ApiClient api;
    private final Function<String, Project> projects;

    NewClient(ApiClient api, Function<String, Project> projects) {
        this.api = api;
        this.projects = projects;
    }

    @Override
    public Outcome save(String project, String path, String content, Integer expected) {
        long start = System.nanoTime();
        try {
            Answer<Saved> answer = api.save(projects.apply(project), path, content, expected, "javascript");
            long nanos = System.nanoTime() - start;
            if (answer.ok()) {
                Saved saved = answer.body();
                return saved.changed() ? Outcome.acknowledged(saved.version(), nanos)
                        : new Outcome(Outcome.Kind.UNCHANGED, saved.version(), null, null, nanos);
            }
            return refused(answer, nanos);
        } catch (Exception e) {
            return Outcome.failed("transport: " + e.getClass().getSimpleName(), null, System.nanoTime() - start);
        }
    }

    private static Outcome refused(Answer<Saved> answer, long nanos) {
        if (answer.status() == 409) {
            Integer current = answer.problem() == null ? null : answer.problem().currentVersion();
            return current != null ? Outcome.failed("version conflict (HTTP 409)", current, nanos)
                    : Outcome.failed("HTTP 409 without currentVersion", null, nanos);
        }
        String title = answer.problem() == null || answer.problem().title() == null ? "" : " " + answer.problem().title();
        return Outcome.failed("HTTP " + answer.status() + title, null, nanos);
    }

    @Override
    public Integer currentVersion(String project, String path) {
        try {
            Answer<FileContent> answer = api.content(projects.apply(project), path, Read.current());
            return answer.ok() ? answer.body().version() : null;
        } catch (Exception e) {
            return null;
        }
    }
}
