package dev.velocity.filehistory.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import dev.velocity.filehistory.launcher.Api.Project;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

/**
 * What a browser gets on the wire: the editor's files compressed (the copies made at build time) and cached by their
 * hashed names, the page revalidated by its ETag, the API's text answers gzipped, and live updates sent as they are.
 * Each request says {@code Accept-Encoding} itself, as curl with {@code -H 'Accept-Encoding: gzip'} does.
 */
class CompressionAndCachingIT extends RunningSystem {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Pattern ENTRY_SCRIPT = Pattern.compile("src=\"(/assets/index-[^\"]+\\.js)\"");

    @Test
    void theEditorsFilesComeCompressedAndAreKeptForAYearByTheirHashedNames() throws Exception {
        String script = entryScript();
        byte[] plain = get(script, "identity").body();

        HttpResponse<byte[]> gzip = get(script, "gzip");
        assertThat(gzip.headers().firstValue("Content-Encoding")).hasValue("gzip");
        assertThat(gunzip(gzip.body())).isEqualTo(plain);
        assertThat(gzip.body().length).as("gzip on the wire").isLessThan(plain.length / 2);
        assertThat(gzip.headers().allValues("Vary")).anyMatch(v -> v.toLowerCase().contains("accept-encoding"));

        HttpResponse<byte[]> brotli = get(script, "br, gzip");
        assertThat(brotli.headers().firstValue("Content-Encoding")).hasValue("br");
        assertThat(brotli.body().length).isLessThan(gzip.body().length);

        assertThat(directives(gzip)).contains("public", "max-age=31536000", "immutable");
        assertThat(directives(brotli)).contains("public", "max-age=31536000", "immutable");
    }

    @Test
    void thePageIsRevalidatedByItsContentSoAReloadCostsA304() throws Exception {
        HttpResponse<byte[]> page = get("/", "gzip");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(directives(page)).contains("no-cache").doesNotContain("immutable");
        String etag = page.headers().firstValue("ETag").orElseThrow();

        HttpResponse<byte[]> again = send(HttpRequest.newBuilder(URI.create(api.url("/")))
                .header("Accept-Encoding", "gzip").header("If-None-Match", etag));
        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.body()).isEmpty();

        HttpResponse<byte[]> worker = get("/sw.js", "gzip");
        assertThat(directives(worker)).contains("no-cache");
        assertThat(worker.headers().firstValue("ETag")).isPresent().isNotEqualTo(etag);
    }

    @Test
    void aLargeFileListTheAuditStreamAndADiffComeGzipped() throws Exception {
        Project project = api.createProject("compressed", "alice");
        for (int i = 0; i < 30; i++) {
            api.save(project, "src/module-" + i + ".js", lines("export const value" + i + "_%d = %d;\n"), 0);
        }
        api.save(project, "src/module-0.js", lines("export const changed_%d = '%d';\n"), 1);
        String files = "/api/projects/" + project.id() + "/files?minVersion=1";
        String events = "/api/projects/" + project.id() + "/events?limit=1000";
        String diff = "/api/projects/" + project.id() + "/files/diff?path=src/module-0.js&from=1&to=2";

        HttpResponse<byte[]> list = get(files, "gzip", project);
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.headers().firstValue("Content-Encoding")).hasValue("gzip");
        assertThat(Api.JSON.readTree(gunzip(list.body()))).hasSize(30);

        HttpResponse<byte[]> audit = get(events, "gzip", project);
        assertThat(audit.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/x-ndjson"));
        assertThat(audit.headers().firstValue("Content-Encoding")).hasValue("gzip");
        assertThat(new String(gunzip(audit.body()), StandardCharsets.UTF_8).lines())
                .as("the project's own first event and 31 file events").hasSize(32);

        HttpResponse<byte[]> patch = get(diff, "gzip", project);
        assertThat(patch.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/x-diff"));
        assertThat(patch.headers().firstValue("Content-Encoding")).hasValue("gzip");
        assertThat(new String(gunzip(patch.body()), StandardCharsets.UTF_8)).contains("+export const changed_99 = '99';");

        assertThat(get(files, "identity", project).headers().firstValue("Content-Encoding"))
                .as("a client that does not accept gzip gets the plain answer").isEmpty();
    }

    @Test
    void liveUpdatesAreSentUncompressedAndAtOnce() throws Exception {
        Project project = api.createProject("live", "alice");
        HttpRequest request = HttpRequest.newBuilder(URI.create(
                        api.url("/api/projects/" + project.id() + "/updates?access_token=" + project.token())))
                .header("Accept-Encoding", "gzip").GET().build();
        HttpResponse<Stream<String>> stream = HTTP.send(request, HttpResponse.BodyHandlers.ofLines());
        try {
            assertThat(stream.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/event-stream"));
            assertThat(stream.headers().firstValue("Content-Encoding")).isEmpty();
            BlockingQueue<String> lines = new LinkedBlockingQueue<>();
            ServerSentEvents.gather(stream.body(), lines);
            assertThat(lines.poll(10, TimeUnit.SECONDS)).as("the stream's first line, not held back by a compressor")
                    .isEqualTo(":subscribed");

            api.save(project, "live.txt", "one", 0);

            assertThat(ServerSentEvents.nextFileChanged(lines, 1, Duration.ofSeconds(20)))
                    .extracting(e -> e.get("path").asText()).containsExactly("live.txt");
        } finally {
            stream.body().close();
        }
    }

    /** A hundred lines made from the template, each with its number. */
    private static String lines(String template) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 100; i++) {
            text.append(template.formatted(i, i));
        }
        return text.toString();
    }

    /** The entry script the page names, as a browser finds it. */
    private String entryScript() throws Exception {
        String page = new String(get("/", "identity").body(), StandardCharsets.UTF_8);
        Matcher script = ENTRY_SCRIPT.matcher(page);
        assertThat(script.find()).as("index.html names its script: " + page).isTrue();
        return script.group(1);
    }

    private HttpResponse<byte[]> get(String path, String acceptEncoding) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(api.url(path))).header("Accept-Encoding", acceptEncoding));
    }

    private HttpResponse<byte[]> get(String path, String acceptEncoding, Project project) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(api.url(path))).header("Accept-Encoding", acceptEncoding)
                .header("Authorization", "Bearer " + project.token()));
    }

    private static HttpResponse<byte[]> send(HttpRequest.Builder request) throws Exception {
        return HTTP.send(request.timeout(Duration.ofSeconds(20)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static List<String> directives(HttpResponse<?> response) {
        return Stream.of(response.headers().firstValue("Cache-Control").orElse("").split(","))
                .map(String::trim).toList();
    }

    private static byte[] gunzip(byte[] body) throws IOException {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
            return in.readAllBytes();
        }
    }
}
