package dev.velocity.filehistory.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.velocity.filehistory.launcher.Api.Project;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * Bad input of every kind on every route (api.md): each answer is a 4xx problem+json and nothing is stored. The
 * requests come from a seeded generator, so a failure names a request that can be sent again.
 */
class MalformedRequestsIT extends RunningSystem {

    private static final long SEED = 20_240_610L;
    private static final int REQUESTS = 1_260;
    /** RequestBodyLimitFilter's bound for the default 10 MiB content limit: 6 x 10 MiB + 64 KiB. */
    private static final long MAX_BODY_BYTES = 6L * 10 * 1024 * 1024 + 64 * 1024;

    private record Stored(long events, long projects, long tokens, long idempotencyKeys) {
    }

    private Stored stored() {
        return new Stored(storedEvents(), count("projects"), count("access_tokens"), count("idempotency_keys"));
    }

    private long count(String table) {
        return jdbc.queryForObject("SELECT count(*) FROM " + table, Long.class);
    }

    @Test
    void everyMalformedRequestIsAProblemJson4xxAndStoresNothing() {
        Project project = api.createProject("malformed", "alice");
        api.save(project, "a.txt", "one", 0);
        api.save(project, "a.txt", "two", 1);
        Stored before = stored();
        List<Malformed> requests = new MalformedRequests(SEED, project.id(), project.token(), ADMIN_TOKEN,
                MAX_BODY_BYTES).generate(REQUESTS);

        Map<String, Integer> byKind = new TreeMap<>();
        Map<String, Integer> byRoute = new TreeMap<>();
        List<String> wrong = new ArrayList<>();
        for (Malformed request : requests) {
            RawHttp.Response response = RawHttp.send(port, request.bytes());
            byKind.merge(request.kind() + " " + response.status(), 1, Integer::sum);
            byRoute.merge(request.route(), 1, Integer::sum);
            String problem = problemOf(response);
            if (problem != null) {
                wrong.add(request + " -> " + problem + ": " + response);
            }
        }
        System.out.println("Malformed requests by kind and status: " + byKind);
        System.out.println("Malformed requests by route: " + byRoute);

        assertThat(requests).hasSizeGreaterThanOrEqualTo(1_000);
        assertThat(wrong).as(wrong.size() + " wrong answers").isEmpty();
        assertThat(stored()).isEqualTo(before);
        assertThat(api.get("/actuator/health", null).status()).isEqualTo(200);
    }

    /** What is wrong with the answer to a malformed request, or null. */
    private static String problemOf(RawHttp.Response response) {
        if (response.status() < 400 || response.status() >= 500) {
            return "not a 4xx";
        }
        if (!response.contentType().startsWith("application/problem+json")) {
            return "not problem+json";
        }
        try {
            JsonNode json = Api.JSON.readTree(response.body());
            boolean complete = json.hasNonNull("type") && json.hasNonNull("title") && json.hasNonNull("detail")
                    && json.path("status").asInt() == response.status();
            return complete ? null : "missing type, title, status or detail";
        } catch (IOException e) {
            return "not JSON";
        }
    }

    @Test
    void aChunkedBodyFarOverTheLimitIsRefusedWhileItIsRead() throws Exception {
        Project project = api.createProject("huge", "alice");
        long before = storedEvents();
        long sent;
        RawHttp.Response response;
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(120_000);
            CompletableFuture<RawHttp.Response> answer = CompletableFuture.supplyAsync(() -> {
                try {
                    return RawHttp.read(socket.getInputStream());
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            sent = streamEscapedContent(socket.getOutputStream(), project, 4 * MAX_BODY_BYTES, answer);
            response = answer.get();
        }

        assertThat(response.status()).as(response.toString()).isEqualTo(413);
        assertThat(response.contentType()).startsWith("application/problem+json");
        JsonNode problem = Api.JSON.readTree(response.body());
        assertThat(problem.get("type").asText()).endsWith("content-too-large");
        assertThat(problem.get("limitBytes").asLong()).as("refused by the body limit").isEqualTo(MAX_BODY_BYTES);
        assertThat(sent).isGreaterThan(MAX_BODY_BYTES);
        assertThat(storedEvents()).isEqualTo(before);
        assertThat(api.get("/actuator/health", null).status()).isEqualTo(200);
        assertThat(api.save(project, "after.txt", "still saving", 0).status()).isEqualTo(201);
    }

    /**
     * A save whose content is an endless run of {@code \u0001} escapes (six bytes a character, the most JSON can
     * spend on one content byte), made while it is sent; stops at {@code upTo} bytes or when the answer came.
     */
    private static long streamEscapedContent(OutputStream out, Project project, long upTo,
                                             CompletableFuture<?> answer) throws IOException {
        String head = "PUT " + Api.files(project) + "?path=huge.txt HTTP/1.1\r\nHost: localhost\r\n"
                + "Authorization: Bearer " + project.token() + "\r\nContent-Type: application/json\r\n"
                + "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n";
        out.write(head.getBytes(StandardCharsets.US_ASCII));
        byte[] chunk = ("\\u0001".repeat(10_000)).getBytes(StandardCharsets.US_ASCII);
        byte[] first = "{\"content\":\"".getBytes(StandardCharsets.US_ASCII);
        out.write((Integer.toHexString(first.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(first);
        out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
        long sent = first.length;
        byte[] size = (Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII);
        try {
            while (sent < upTo && !answer.isDone()) {
                out.write(size);
                out.write(chunk);
                out.write('\r');
                out.write('\n');
                sent += chunk.length;
            }
            out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
        } catch (IOException closedByTheServer) {
            // The server may stop reading once it has answered; the answer is what counts.
        }
        return sent;
    }

    @Test
    void aDeclaredLengthOverTheLimitIsRefusedBeforeAnyOfTheBodyIsRead() throws Exception {
        Project project = api.createProject("huge", "alice");
        String request = "PUT " + Api.files(project) + "?path=a.txt HTTP/1.1\r\nHost: localhost\r\n"
                + "Authorization: Bearer " + project.token() + "\r\nContent-Type: application/json\r\n"
                + "Content-Length: " + (1L << 30) + "\r\nConnection: close\r\n\r\n{\"content\":\"";
        RawHttp.Response response = RawHttp.send(port, request.getBytes(StandardCharsets.US_ASCII));

        assertThat(response.status()).as(response.toString()).isEqualTo(413);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(api.get("/actuator/health", null).status()).isEqualTo(200);
    }
}
