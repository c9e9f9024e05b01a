package dev.velocity.filehistory.tools.client;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** One HTTP/1.1 client for every call (nginx and Tomcat answer plain HTTP/1.1 on loopback: no upgrade attempt). */
final class Http {

    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();

    private final String origin;

    Http(String origin) {
        this.origin = origin.replaceAll("/+$", "");
    }

    <T> Answer<T> get(String route, String token, Class<T> type) throws IOException, InterruptedException {
        return send("GET", route, token, null, DEFAULT_TIMEOUT, Json.reader(type));
    }

    <T> Answer<T> get(String route, String token, Json.Reader<T> reader) throws IOException, InterruptedException {
        return send("GET", route, token, null, DEFAULT_TIMEOUT, reader);
    }

    <T> Answer<T> send(String method, String route, String token, String json, Duration timeout, Class<T> type)
            throws IOException, InterruptedException {
        return send(method, route, token, json, timeout, Json.reader(type));
    }

    /** {@code token} null: no Authorization header; {@code json} null: no body. */
    <T> Answer<T> send(String method, String route, String token, String json, Duration timeout, Json.Reader<T> reader)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(origin + route)).timeout(timeout)
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> response = CLIENT.send(request.build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return Answer.of(response.statusCode(), response.body(), reader);
    }
}
