package dev.velocity.filehistory.tools.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.velocity.filehistory.tools.client.HistoryPage.HistoryEntry;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

class HistoryReadTest {

    private static final Project PROJECT = new Project("p-1", "t");

    @AutoClose
    private final StubService service = StubService.start();
    private final ApiClient api = new ApiClient(service.origin());

    @Test
    void waitsWhileTheReadModelIsBehindThenFollowsEveryPage() throws Exception {
        service.then(503, "application/problem+json", "{\"title\":\"Service Unavailable\",\"status\":503}")
                .then(200, "{\"entries\":[{\"version\":3,\"contentHash\":\"h3\"},{\"version\":2,\"contentHash\":\"h2\"}],"
                        + "\"next\":2}")
                .then(200, "{\"entries\":[{\"version\":1,\"contentHash\":\"h1\",\"kind\":\"CREATED\"}],\"next\":null}");

        History history = api.history(PROJECT, "a.txt", 3, inSeconds(30));

        assertThat(history.entries()).extracting(HistoryEntry::version).containsExactly(3, 2, 1);
        assertThat(history.problems()).isEmpty();
        assertThat(service.requests).extracting(StubService.Request::uri).containsExactly(
                "/api/projects/p-1/files/history?path=a.txt&limit=1000&minVersion=3",
                "/api/projects/p-1/files/history?path=a.txt&limit=1000&minVersion=3",
                "/api/projects/p-1/files/history?path=a.txt&limit=1000&before=2");
    }

    @Test
    void aReadModelThatNeverCatchesUpIsNamedAndWhatIsThereIsRead() throws Exception {
        service.then(503, "application/problem+json", "{\"status\":503}")
                .then(200, "{\"entries\":[{\"version\":1,\"contentHash\":\"h1\"}],\"next\":null}");

        History history = api.history(PROJECT, "a.txt", 5, System.nanoTime());

        assertThat(history.problems()).containsExactly("a.txt: the read model never reached acknowledged v5");
        assertThat(history.hashesByVersion()).containsOnlyKeys(1);
    }

    @Test
    void aFileTheServiceDoesNotKnowHasAnEmptyHistory() throws Exception {
        service.then(404, "application/problem+json", "{\"status\":404}");

        assertThat(api.history(PROJECT, "nothing.txt", 0, inSeconds(5)).entries()).isEmpty();
    }

    @Test
    void verifyIsAskedAgainWhileTheReadModelsCatchUp() throws Exception {
        service.then(503, "application/problem+json", "{\"status\":503}")
                .then(200, "{\"ok\":true,\"files\":16,\"events\":4242,\"head\":\"ab\",\"problems\":[]}");

        Verification verification = api.verify(PROJECT, inSeconds(30)).body();

        assertThat(verification).isEqualTo(new Verification(true, 16, 4242, java.util.List.of()));
    }

    private static long inSeconds(int seconds) {
        return System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    }
}
