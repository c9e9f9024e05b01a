package dev.velocity.filehistory.launcher;

import static dev.velocity.filehistory.launcher.ServerSentEvents.nextData;
import static org.assertj.core.api.Assertions.assertThat;

import dev.velocity.filehistory.launcher.Api.Project;
import dev.velocity.filehistory.launcher.Api.Response;
import dev.velocity.filehistory.launcher.ProjectRoutes.Route;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Removing a member: every token of that user stops working on every route, and their open stream ends. */
class RevocationIT extends RunningSystem {

    /** Far above the 2 s token check; only here to turn a hang into a failure. */
    private static final long STREAM_END_TIMEOUT_SECONDS = 10;

    private Response removeMember(Project by, String user) {
        return api.send("DELETE", "/api/projects/" + by.id() + "/members/" + user, by.token(), null);
    }

    @Test
    void aRemovedMembersTokensGet401OnEveryRouteWhileTheOthersKeepWorking() {
        Project alice = api.createProject("team", "alice");
        Project bob = api.addMember(alice, "bob");
        Project bobsLaptop = api.addMember(alice, "bob");
        Project carol = api.addMember(alice, "carol");
        api.save(alice, "secret.txt", "one", 0);
        assertThat(api.save(bob, "bobs.txt", "by bob", 0).status()).isEqualTo(201);

        Response removed = removeMember(alice, "bob");

        assertThat(removed.status()).as(removed.toString()).isEqualTo(204);
        for (Project token : List.of(bob, bobsLaptop)) {
            for (Route route : ProjectRoutes.ALL) {
                Response response = route.send(api, alice.id(), token.token());
                assertThat(response.status()).as(route + ": " + response).isEqualTo(401);
                assertThat(response.contentType()).startsWith("application/problem+json");
                assertThat(response.json().get("type").asText()).endsWith("unauthorized");
            }
        }
        assertThat(api.save(carol, "secret.txt", "two", 1).status()).isEqualTo(200);
        assertThat(api.list(alice, "?minVersion=1").status()).isEqualTo(200);
        Response history = api.history(alice, "bobs.txt", "&minVersion=1");
        assertThat(history.json().get("entries").get(0).get("by").asText()).as("history keeps the name")
                .isEqualTo("bob");
    }

    @Test
    void theCreatorMayRemoveAnyoneAndEveryMemberThemselves() {
        Project alice = api.createProject("team", "alice");
        Project bob = api.addMember(alice, "bob");
        Project carol = api.addMember(alice, "carol");

        Response notAllowed = removeMember(bob, "carol");
        assertThat(notAllowed.status()).as(notAllowed.toString()).isEqualTo(403);
        assertThat(notAllowed.json().get("type").asText()).endsWith("not-allowed");
        assertThat(removeMember(bob, "alice").status()).isEqualTo(403);
        assertThat(api.list(carol, "").status()).isEqualTo(200);

        assertThat(removeMember(bob, "bob").status()).isEqualTo(204);
        assertThat(api.list(bob, "").status()).isEqualTo(401);
        assertThat(removeMember(alice, "carol").status()).isEqualTo(204);
        assertThat(api.list(carol, "").status()).isEqualTo(401);
        assertThat(removeMember(alice, "carol").status()).as("removing again changes nothing").isEqualTo(204);
        assertThat(removeMember(alice, "a%20b").status()).isEqualTo(400);
        assertThat(api.list(alice, "").status()).isEqualTo(200);
    }

    @Test
    void anOpenStreamOfARemovedMemberEndsWithinSecondsAndTheOthersStaysOpen() throws Exception {
        Project alice = api.createProject("live", "alice");
        Project bob = api.addMember(alice, "bob");
        Stream<String> bobsStream = openStream(alice.id(), bob.token());
        BlockingQueue<String> bobsLines = new LinkedBlockingQueue<>();
        CountDownLatch bobsEnded = new CountDownLatch(1);
        Thread reader = new Thread(() -> {
            bobsStream.forEach(bobsLines::add);
            bobsEnded.countDown();
        });
        reader.setDaemon(true);
        reader.start();
        assertThat(bobsLines.poll(STREAM_END_TIMEOUT_SECONDS, TimeUnit.SECONDS)).as("bob's stream is open").isNotNull();
        assertThat(bobsEnded.getCount()).isEqualTo(1);
        BlockingQueue<String> alicesLines = new LinkedBlockingQueue<>();
        Stream<String> alicesStream = openStream(alice.id(), alice.token());
        ServerSentEvents.gather(alicesStream, alicesLines);

        assertThat(removeMember(alice, "bob").status()).isEqualTo(204);

        assertThat(bobsEnded.await(STREAM_END_TIMEOUT_SECONDS, TimeUnit.SECONDS)).as("bob's stream ended").isTrue();
        api.save(alice, "after.txt", "still live", 0);
        assertThat(nextData(alicesLines, Duration.ofSeconds(20))).as("alice's stream still delivers").contains("after.txt");
        alicesStream.close();
    }

    private Stream<String> openStream(String projectId, String token) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(
                api.url("/api/projects/" + projectId + "/updates?access_token=" + token))).GET().build();
        HttpResponse<Stream<String>> response = HttpClient.newHttpClient()
                .send(request, HttpResponse.BodyHandlers.ofLines());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }
}
