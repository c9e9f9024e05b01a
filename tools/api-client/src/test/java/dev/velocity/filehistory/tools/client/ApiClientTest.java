package dev.velocity.filehistory.tools.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

class ApiClientTest {

    private static final Project PROJECT = new Project("p-1", "secret-token");

    @AutoClose
    private final StubService service = StubService.start();
    private final ApiClient api = new ApiClient(service.origin());

    @Test
    void createProjectSendsNameAndUserAndReadsIdAndToken() throws Exception {
        service.then(201, "{\"projectId\":\"p-9\",\"name\":\"demo\",\"user\":\"alice\",\"token\":\"t-9\"}");

        Project project = api.createProject("demo", "alice");

        assertThat(project).isEqualTo(new Project("p-9", "t-9"));
        JsonNode sent = Json.MAPPER.readTree(service.requests.get(0).body());
        assertThat(sent.get("name").asText()).isEqualTo("demo");
        assertThat(sent.get("user").asText()).isEqualTo("alice");
    }

    @Test
    void createProjectRefusesAnythingButCreated() {
        service.then(400, "application/problem+json", "{\"title\":\"Bad Request\",\"status\":400}");

        assertThatThrownBy(() -> api.createProject("", "alice")).hasMessageContaining("400");
    }

    @Test
    void saveSendsContentThatNeedsEscapingExactlyAndReadsTheVersion() throws Exception {
        String content = "say \"hi\" \\ path\\to\n\ttab \u00e9\u4e2d \ud83d\ude00 \u0001";
        service.then(201, "{\"version\":1,\"contentHash\":\"" + ContentHash.of(content) + "\",\"changed\":true,"
                + "\"savedBy\":\"alice\"}");

        Answer<Saved> answer = api.save(PROJECT, "src/a b.js", content, null, "javascript");

        assertThat(answer.body()).isEqualTo(new Saved(1, ContentHash.of(content), true));
        StubService.Request request = service.requests.get(0);
        assertThat(request.method()).isEqualTo("PUT");
        assertThat(request.uri()).isEqualTo("/api/projects/p-1/files?path=src%2Fa+b.js");
        assertThat(request.authorization()).isEqualTo("Bearer secret-token");
        assertThat(request.contentType()).isEqualTo("application/json");
        JsonNode sent = Json.MAPPER.readTree(request.body());
        assertThat(sent.get("content").asText()).isEqualTo(content);
        assertThat(sent.get("expectedVersion").isNull()).isTrue();
        assertThat(sent.get("fileType").asText()).isEqualTo("javascript");
    }

    @Test
    void aVersionConflictCarriesTheCurrentVersion() throws Exception {
        service.then(409, "application/problem+json",
                "{\"type\":\"https://velocity.dev/problems/version-conflict\",\"title\":\"Version conflict\","
                        + "\"status\":409,\"expectedVersion\":3,\"currentVersion\":7}");

        Answer<Saved> answer = api.save(PROJECT, "a.txt", "x", 3, null);

        assertThat(answer.ok()).isFalse();
        assertThat(answer.body()).isNull();
        assertThat(answer.problem().currentVersion()).isEqualTo(7);
        assertThat(Json.MAPPER.readTree(service.requests.get(0).body()).has("fileType")).isFalse();
    }

    @Test
    void anErrorWithoutProblemJsonIsAnAnswerWithoutAProblem() throws Exception {
        service.then(502, "text/html", "<html>Bad Gateway</html>");

        Answer<Saved> answer = api.save(PROJECT, "a.txt", "x", 0, null);

        assertThat(answer.status()).isEqualTo(502);
        assertThat(answer.problem()).isNull();
        assertThat(answer.text()).contains("Bad Gateway");
    }

    @Test
    void contentAndFilesAskForTheStateTheReadNames() throws Exception {
        service.then(200, "{\"path\":\"a.txt\",\"version\":4,\"content\":\"four\",\"contentHash\":\"h4\","
                + "\"savedAt\":\"2026-11-29T05:45:04.123Z\"}");
        service.then(200, "[{\"path\":\"a.txt\",\"version\":2,\"contentHash\":\"h2\",\"fileType\":\"plaintext\"}]");

        FileContent content = api.content(PROJECT, "a.txt", Read.version(4)).body();
        List<FileEntry> files = api.files(PROJECT, Read.at("2026-11-29T05:45:04.123Z")).body();

        assertThat(content).isEqualTo(new FileContent("a.txt", 4, "four", "h4", "2026-11-29T05:45:04.123Z"));
        assertThat(files).containsExactly(new FileEntry("a.txt", 2, "h2"));
        assertThat(service.requests.get(0).uri()).isEqualTo("/api/projects/p-1/files/content?path=a.txt&version=4");
        assertThat(service.requests.get(1).uri()).isEqualTo("/api/projects/p-1/files?at=2026-11-29T05%3A45%3A04.123Z");
    }
}
