package dev.velocity.filehistory.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import dev.velocity.filehistory.launcher.Api.Project;
import dev.velocity.filehistory.launcher.Api.Response;
import dev.velocity.filehistory.platform.testing.FreshDatabase;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ContextConfiguration;

/**
 * A token past its bucket gets 429 problem+json with Retry-After, and nothing is stored; other tokens go on. A
 * system of its own (own database, closed afterwards) with a limit low enough to reach with a handful of requests.
 */
@SpringBootTest(classes = VelocityApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"velocity.rate-limit.requests-per-second=1", "velocity.rate-limit.burst=5"})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@ContextConfiguration(initializers = FreshDatabase.class)
class RateLimitIT {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void pastItsBurstATokenGets429WithRetryAfterWhileAnotherTokenGoesOn() throws Exception {
        Api api = new Api(port);
        Project busy = api.createProject("busy", "alice");
        Project calm = api.addMember(busy, "bob"); // takes one of busy's five

        List<Response> answers = new ArrayList<>();
        for (int i = 0; i < 15; i++) {
            answers.add(api.list(busy, ""));
        }
        long events = jdbc.queryForObject("SELECT count(*) FROM domainevententry", Long.class);
        Response limitedSave = api.save(busy, "a.txt", "x", 0);

        assertThat(answers.subList(0, 4)).allSatisfy(answer -> assertThat(answer.status()).isEqualTo(200));
        Response limited = answers.get(answers.size() - 1);
        assertThat(limited.status()).as(limited.toString()).isEqualTo(429);
        assertThat(limited.contentType()).startsWith("application/problem+json");
        assertThat(limited.json().get("type").asText()).endsWith("too-many-requests");
        assertThat(limited.json().get("status").asInt()).isEqualTo(429);
        assertThat(limited.json().hasNonNull("detail")).isTrue();
        long retryAfter = Long.parseLong(limited.raw().headers().firstValue("Retry-After").orElseThrow());
        assertThat(retryAfter).isBetween(1L, 5L);
        assertThat(limitedSave.status()).isEqualTo(429);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM domainevententry", Long.class)).isEqualTo(events);

        assertThat(api.list(calm, "").status()).as("another token has its own bucket").isEqualTo(200);
        Thread.sleep(retryAfter * 1000);
        assertThat(api.list(busy, "").status()).as("after Retry-After the token works again").isEqualTo(200);
    }
}
