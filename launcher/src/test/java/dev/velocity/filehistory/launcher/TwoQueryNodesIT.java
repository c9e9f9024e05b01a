package dev.velocity.filehistory.launcher;

import static dev.velocity.filehistory.launcher.ServerSentEvents.nextFileChanged;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.velocity.filehistory.command.CommandSideApplication;
import dev.velocity.filehistory.launcher.Api.Project;
import dev.velocity.filehistory.launcher.Api.Response;
import dev.velocity.filehistory.platform.testing.TestDatabase;
import dev.velocity.filehistory.query.QuerySideApplication;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two query nodes on one PostgreSQL: only one of them runs the read-model projection (it claims the one segment),
 * yet a subscriber on either node hears of a save, and a read that waits for a version answers on either node.
 */
class TwoQueryNodesIT {

    private static final String PROCESSOR = "file-read-models";

    @Test
    void bothQueryNodesStreamTheSaveAndServeReadsThatWaitForIt() throws Exception {
        Map<String, Object> properties = new HashMap<>(TestDatabase.freshDatabase());
        properties.put("server.port", "0");
        try (ConfigurableApplicationContext commands = Nodes.start(CommandSideApplication.class, properties);
             ConfigurableApplicationContext first = Nodes.start(QuerySideApplication.class, properties);
             ConfigurableApplicationContext second = Nodes.start(QuerySideApplication.class, properties)) {
            Api commandNode = new Api(Nodes.port(commands));
            Api[] queryNodes = {new Api(Nodes.port(first)), new Api(Nodes.port(second))};
            Project project = commandNode.createProject("two query nodes", "alice");
            BlockingQueue<String> firstStream = subscribe(queryNodes[0], project);
            BlockingQueue<String> secondStream = subscribe(queryNodes[1], project);

            assertThat(commandNode.save(project, "notes.txt", "first", 0).status()).isEqualTo(201);
            assertThat(commandNode.save(project, "notes.txt", "second", 1).status()).isEqualTo(200);

            for (BlockingQueue<String> stream : List.of(firstStream, secondStream)) {
                assertThat(nextFileChanged(stream, 1, Duration.ofSeconds(15)).get(0).get("version").asInt()).isEqualTo(1);
                JsonNode latest = nextFileChanged(stream, 1, Duration.ofSeconds(15)).get(0);
                assertThat(latest.get("version").asInt()).isEqualTo(2);
                assertThat(latest.get("path").asText()).isEqualTo("notes.txt");
            }
            assertThat(segmentsClaimed(first) + segmentsClaimed(second))
                    .as("one node runs the projection, the other idles").isEqualTo(1);
            for (Api node : queryNodes) {
                Response list = node.list(project, "?minVersion=1");
                assertThat(list.status()).as(list.toString()).isEqualTo(200);
                assertThat(list.body()).contains("notes.txt");
                Response content = node.content(project, "notes.txt", "&minVersion=2");
                assertThat(content.status()).as(content.toString()).isEqualTo(200);
                assertThat(content.json().get("content").asText()).isEqualTo("second");
                Response verify = node.get("/api/projects/" + project.id() + "/verify", project.token());
                assertThat(verify.json().get("ok").asBoolean()).as(verify.toString()).isTrue();
            }
        }
    }

    private static BlockingQueue<String> subscribe(Api node, Project project) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(
                node.url("/api/projects/" + project.id() + "/updates?access_token=" + project.token()))).GET().build();
        HttpResponse<Stream<String>> stream = HttpClient.newHttpClient()
                .send(request, HttpResponse.BodyHandlers.ofLines());
        assertThat(stream.statusCode()).isEqualTo(200);
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> stream.body().forEach(lines::add));
        reader.setDaemon(true);
        reader.start();
        assertThat(lines.poll(10, TimeUnit.SECONDS)).as("the subscription is confirmed").isNotNull();
        return lines;
    }

    private static int segmentsClaimed(ConfigurableApplicationContext node) {
        return node.getBean(EventProcessingConfiguration.class)
                .eventProcessor(PROCESSOR, StreamingEventProcessor.class).orElseThrow()
                .processingStatus().size();
    }
}
