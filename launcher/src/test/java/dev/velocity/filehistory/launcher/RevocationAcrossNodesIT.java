package dev.velocity.filehistory.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.velocity.filehistory.command.CommandSideApplication;
import dev.velocity.filehistory.launcher.Api.Project;
import dev.velocity.filehistory.platform.testing.TestDatabase;
import dev.velocity.filehistory.query.QuerySideApplication;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A member removed through one node (the command side) loses access on another (the query side, which had the
 * token cached) within seconds: the other node's cache keeps a token only for {@code velocity.token-cache-ttl}.
 */
class RevocationAcrossNodesIT {

    /** Far above the 2 s cache and the 2 s stream check; only here to turn a hang into a failure. */
    private static final long HANG_SECONDS = 15;

    @Test
    void aTokenRevokedOnOneNodeStopsWorkingOnAnotherWithinSeconds() throws Exception {
        Map<String, Object> properties = new HashMap<>(TestDatabase.freshDatabase());
        properties.put("server.port", "0");
        try (ConfigurableApplicationContext commandSide = Nodes.start(CommandSideApplication.class, properties);
             ConfigurableApplicationContext querySide = Nodes.start(QuerySideApplication.class, properties)) {
            Api commands = new Api(Nodes.port(commandSide));
            Api queries = new Api(Nodes.port(querySide));
            Project alice = commands.createProject("nodes", "alice");
            Project bob = commands.addMember(alice, "bob");
            assertThat(queries.list(bob, "").status()).as("cached on the query side").isEqualTo(200);
            HttpResponse<Stream<String>> stream = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                    queries.url("/api/projects/" + alice.id() + "/updates?access_token=" + bob.token()))).build(),
                    HttpResponse.BodyHandlers.ofLines());
            assertThat(stream.statusCode()).isEqualTo(200);
            CompletableFuture<Long> streamEnded = CompletableFuture.supplyAsync(() -> stream.body().count());

            assertThat(commands.send("DELETE", "/api/projects/" + alice.id() + "/members/bob", alice.token(), null)
                    .status()).isEqualTo(204);

            assertThat(commands.list(bob, "").status()).as("at once on the revoking node").isEqualTo(401);
            await().atMost(Duration.ofSeconds(HANG_SECONDS)).pollInterval(Duration.ofMillis(200))
                    .until(() -> queries.list(bob, "").status() != 200);
            assertThat(queries.list(bob, "").status()).as("soon on the other node").isEqualTo(401);
            streamEnded.get(HANG_SECONDS, TimeUnit.SECONDS);
            assertThat(queries.list(alice, "").status()).isEqualTo(200);
        }
    }
}
