package dev.velocity.filehistory.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.velocity.filehistory.launcher.Api.Response;

/** What every refusal of the API looks like to a client: an RFC 9457 problem+json with its status and type. */
final class ProblemAssertions {

    private ProblemAssertions() {
    }

    static void assertProblem(Response response, int status, String typeSuffix) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        JsonNode problem = response.json();
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.hasNonNull("title")).isTrue();
        assertThat(problem.hasNonNull("detail")).isTrue();
        assertThat(problem.get("type").asText()).endsWith(typeSuffix);
    }
}
