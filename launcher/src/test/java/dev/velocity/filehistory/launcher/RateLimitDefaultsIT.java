package dev.velocity.filehistory.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import dev.velocity.filehistory.launcher.Api.Project;
import dev.velocity.filehistory.launcher.Api.Response;
import dev.velocity.filehistory.platform.testing.FreshDatabase;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ContextConfiguration;

/**
 * The default rate limit never troubles an editor: a fast typist's three tabs of one user (one token), each
 * autosaving its file as often as the editor does, while every tab also reloads what the other tabs save (content,
 * history, file list) and keeps its live-updates stream open, get no 429 in 10 s. The editor itself is gentler: it
 * saves 500 ms after typing pauses, and reads others' saves only for files it has open.
 */
@SpringBootTest(classes = VelocityApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@ContextConfiguration(initializers = FreshDatabase.class)
class RateLimitDefaultsIT {

    private static final int TABS = 3;
    private static final long TYPING_MILLIS = 10_000;
    private static final long AUTOSAVE_DEBOUNCE_MILLIS = 500;

    @LocalServerPort
    int port;

    @Test
    void threeTabsOfAFastTypistNeverSeeA429() throws Exception {
        Api api = new Api(port);
        Project project = api.createProject("typist", "alice");
        List<Stream<String>> streams = new ArrayList<>();
        for (int tab = 0; tab < TABS; tab++) {
            streams.add(openStream(api, project));
        }
        ConcurrentMap<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
        long end = System.nanoTime() + TYPING_MILLIS * 1_000_000;
        List<Thread> tabs = new ArrayList<>();
        for (int tab = 0; tab < TABS; tab++) {
            int me = tab;
            Thread thread = new Thread(() -> type(api, project, me, end, statuses), "tab-" + tab);
            thread.start();
            tabs.add(thread);
        }
        for (Thread tab : tabs) {
            tab.join();
        }
        streams.forEach(Stream::close);

        assertThat(statuses).as("statuses seen: " + statuses).doesNotContainKey(429).isNotEmpty();
        assertThat(statuses.keySet()).as("statuses seen: " + statuses).allMatch(status -> status < 300);
    }

    /** One tab: save its file (one save in flight), read what the other tabs saved, pause as the autosave does. */
    private static void type(Api api, Project project, int tab, long end, ConcurrentMap<Integer, AtomicInteger> seen) {
        String own = "tab" + tab + ".txt";
        StringBuilder text = new StringBuilder();
        Integer version = 0;
        while (System.nanoTime() < end) {
            text.append("typed quickly ");
            Response saved = count(seen, api.save(project, own, text.toString(), version));
            version = saved.status() < 300 ? Integer.valueOf(saved.version()) : null;
            for (int other = 0; other < TABS; other++) {
                if (other != tab) {
                    String path = "tab" + other + ".txt";
                    count(seen, api.content(project, path, ""), 404);
                    count(seen, api.history(project, path, "&limit=200"), 404);
                }
            }
            count(seen, api.list(project, ""));
            sleep(AUTOSAVE_DEBOUNCE_MILLIS);
        }
    }

    /** A file another tab has not created yet answers 404: the tab's list is simply behind. */
    private static Response count(ConcurrentMap<Integer, AtomicInteger> seen, Response response, int... expected) {
        int status = response.status();
        boolean normal = status < 300 || (expected.length > 0 && status == expected[0]);
        seen.computeIfAbsent(normal ? 200 : status, s -> new AtomicInteger()).incrementAndGet();
        return response;
    }

    private static Stream<String> openStream(Api api, Project project) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(api.url("/api/projects/" + project.id()
                + "/updates?access_token=" + project.token()))).GET().build();
        HttpResponse<Stream<String>> response = HttpClient.newHttpClient()
                .send(request, HttpResponse.BodyHandlers.ofLines());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
