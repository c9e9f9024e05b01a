package dev.velocity.filehistory.tools.client;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;

/**
 * A real HTTP server on loopback that answers the client's requests from a script of canned answers, in order,
 * and keeps what it was sent: the client's side of the contract is tested over the wire, without the service.
 */
final class StubService implements AutoCloseable {

    record Request(String method, String uri, String authorization, String contentType, String body) {}

    private record Canned(int status, String contentType, String body) {}

    private final HttpServer server;
    private final Deque<Canned> script = new ArrayDeque<>();
    final List<Request> requests = Collections.synchronizedList(new ArrayList<>());

    private StubService() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::answer);
        server.start();
    }

    static StubService start() {
        try {
            return new StubService();
        } catch (IOException e) {
            throw new UncheckedIOException("no loopback port for the stub service", e);
        }
    }

    String origin() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
    }

    StubService then(int status, String json) {
        return then(status, "application/json", json);
    }

    synchronized StubService then(int status, String contentType, String body) {
        script.add(new Canned(status, contentType, body));
        return this;
    }

    private void answer(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        requests.add(new Request(exchange.getRequestMethod(), exchange.getRequestURI().toString(),
                exchange.getRequestHeaders().getFirst("Authorization"),
                exchange.getRequestHeaders().getFirst("Content-Type"), body));
        Canned canned;
        synchronized (this) {
            canned = script.isEmpty() ? new Canned(500, "text/plain", "no answer scripted") : script.poll();
        }
        byte[] bytes = canned.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", canned.contentType());
        exchange.sendResponseHeaders(canned.status(), bytes.length == 0 ? -1 : bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
