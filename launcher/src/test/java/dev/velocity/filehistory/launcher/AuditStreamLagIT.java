package dev.velocity.filehistory.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.velocity.filehistory.launcher.Api.Project;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The audit stream selects a project's events by the query side's own file-to-project map, which the read-model
 * processor fills. While the processor lags, no page may be served: an auditor resumes after the last position it
 * saw, so an event of a file the map did not know yet, left out of a page that went on past it, would be missed for
 * ever, and a short or empty page reads as the end of the stream. The answer is 503 with Retry-After instead.
 */
class AuditStreamLagIT extends RunningSystem {

    private static final String READ_MODELS = "file-read-models";

    @Autowired
    EventProcessingConfiguration processing;

    @Test
    void whileTheReadModelsLagThePageIsRefusedWithRetryAfterNotCutShort() {
        Project project = api.createProject("lag", "alice");
        api.save(project, "a.txt", "one", 0);
        assertThat(api.content(project, "a.txt", "&minVersion=1").status()).isEqualTo(200);

        StreamingEventProcessor processor = processing.eventProcessor(READ_MODELS, StreamingEventProcessor.class)
                .orElseThrow();
        processor.shutDown();
        try {
            api.save(project, "b.txt", "a file the map does not know yet", 0);
            api.save(project, "a.txt", "two", 1);

            Api.Response page = api.get("/api/projects/" + project.id() + "/events", project.token());
            assertThat(page.status()).as(page.toString()).isEqualTo(503);
            assertThat(page.contentType()).startsWith("application/problem+json");
            assertThat(page.raw().headers().firstValue("Retry-After")).isPresent();
        } finally {
            processor.start();
        }
        assertThat(types(auditStream(project))).containsExactly("- ProjectCreatedEvent", "a.txt FileCreatedEvent",
                "b.txt FileCreatedEvent", "a.txt FileVersionSavedEvent");
    }

    private String auditStream(Project project) {
        return api.get("/api/projects/" + project.id() + "/events", project.token()).body();
    }

    private static List<String> types(String stream) {
        return stream.lines().map(AuditStreamLagIT::parse)
                .map(event -> event.get("payload").path("path").asText("-") + " " + event.get("type").asText())
                .toList();
    }

    private static JsonNode parse(String line) {
        try {
            return Api.JSON.readTree(line);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
