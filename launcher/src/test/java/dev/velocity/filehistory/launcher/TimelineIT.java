package dev.velocity.filehistory.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.velocity.filehistory.launcher.Api.Project;
import dev.velocity.filehistory.launcher.Api.Response;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The editor's project timeline and its list of deleted files, paged, as a client reads them. */
class TimelineIT extends RunningSystem {

    private Response timeline(Project project, String query) {
        return api.get("/api/projects/" + project.id() + "/timeline" + query, project.token());
    }

    private Response deleted(Project project, String query) {
        return api.get(Api.files(project) + "/deleted" + query, project.token());
    }

    private static JsonNode ok(Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    @Test
    void pagingThroughTheTimelineGivesEveryChangeOnceNewestFirst() {
        Project project = api.createProject("timeline", "alice");
        for (int i = 0; i < 7; i++) {
            api.save(project, "f" + (i % 3) + ".txt", "content " + i, null);
        }
        List<String> expected = new ArrayList<>();
        for (int i = 6; i >= 0; i--) {
            expected.add("f" + (i % 3) + ".txt v" + (i / 3 + 1));
        }

        List<String> seen = new ArrayList<>();
        List<Long> positions = new ArrayList<>();
        String query = "?limit=3&minVersion=0";
        int pages = 0;
        while (query != null) {
            JsonNode page = ok(timeline(project, query));
            pages++;
            for (JsonNode entry : page.get("entries")) {
                seen.add(entry.get("path").asText() + " v" + entry.get("version").asInt());
                positions.add(entry.get("position").asLong());
                assertThat(entry.get("by").asText()).isEqualTo("alice");
                assertThat(entry.get("fromPath").isNull()).isTrue();
            }
            query = page.get("next").isNull() ? null : "?limit=3&before=" + page.get("next").asLong();
        }

        assertThat(seen).containsExactlyElementsOf(expected);
        assertThat(positions).isSortedAccordingTo((a, b) -> Long.compare(b, a));
        assertThat(pages).isEqualTo(3);
    }

    @Test
    void aMoveCarriesThePathItCameFrom() {
        Project project = api.createProject("moves", "alice");
        api.save(project, "old.txt", "x", 0);
        api.move(project, "old.txt", "new.txt", 1);

        JsonNode entries = ok(timeline(project, "?minVersion=0")).get("entries");

        assertThat(entries).hasSize(2);
        assertThat(entries.get(0).get("kind").asText()).isEqualTo("MOVED");
        assertThat(entries.get(0).get("path").asText()).isEqualTo("new.txt");
        assertThat(entries.get(0).get("fromPath").asText()).isEqualTo("old.txt");
        assertThat(entries.get(1).get("kind").asText()).isEqualTo("CREATED");
        assertThat(entries.get(1).get("fromPath").isNull()).isTrue();
    }

    @Test
    void theDeletedListHoldsPathsWithNoLiveFileInCodePointOrderAndPages() {
        Project project = api.createProject("deleted", "alice");
        for (String path : List.of("b.txt", "a.txt", "B.txt", "recreated.txt", "kept.txt")) {
            api.save(project, path, "x", 0);
            if (!path.equals("kept.txt")) {
                api.delete(project, path, 1);
            }
        }
        api.save(project, "recreated.txt", "again", 0);

        JsonNode first = ok(deleted(project, "?limit=2&minVersion=0"));
        JsonNode second = ok(deleted(project, "?limit=2&after=" + first.get("next").asText()));

        assertThat(paths(first)).containsExactly("B.txt", "a.txt");
        assertThat(paths(second)).containsExactly("b.txt");
        assertThat(second.get("next").isNull()).isTrue();
        JsonNode entry = second.get("files").get(0);
        assertThat(entry.get("version").asInt()).isEqualTo(2);
        assertThat(entry.get("deletedBy").asText()).isEqualTo("alice");
        assertThat(entry.hasNonNull("deletedAt")).isTrue();
        assertThat(entry.hasNonNull("fileId")).isTrue();
    }

    @Test
    void anUndeletedFileLeavesTheDeletedList() {
        Project project = api.createProject("undelete", "alice");
        api.save(project, "a.txt", "x", 0);
        api.delete(project, "a.txt", 1);
        assertThat(paths(ok(deleted(project, "?minVersion=0")))).containsExactly("a.txt");

        api.restore(project, "a.txt", 1, 2);

        assertThat(paths(ok(deleted(project, "?minVersion=0")))).isEmpty();
    }

    @Test
    void aPathDeletedTwiceOffersItsNewestFile() {
        Project project = api.createProject("twice", "alice");
        api.save(project, "a.txt", "first", 0);
        api.delete(project, "a.txt", 1);
        api.save(project, "a.txt", "second", 0);
        api.save(project, "a.txt", "second, edited", 1);
        api.delete(project, "a.txt", 2);
        String newest = ok(api.content(project, "a.txt", "&minVersion=3")).get("fileId").asText();

        JsonNode files = ok(deleted(project, "?minVersion=0")).get("files");

        assertThat(files).hasSize(1);
        assertThat(files.get(0).get("fileId").asText()).isEqualTo(newest);
        assertThat(files.get(0).get("version").asInt()).isEqualTo(3);
    }

    @Test
    void eachProjectSeesOnlyItsOwnChanges() {
        Project mine = api.createProject("mine", "alice");
        Project theirs = api.createProject("theirs", "bob");
        api.save(mine, "a.txt", "x", 0);
        api.save(theirs, "b.txt", "y", 0);
        api.delete(theirs, "b.txt", 1);

        JsonNode entries = ok(timeline(mine, "?minVersion=0")).get("entries");

        assertThat(entries).hasSize(1);
        assertThat(entries.get(0).get("path").asText()).isEqualTo("a.txt");
        assertThat(ok(deleted(mine, "?minVersion=0")).get("files")).isEmpty();
    }

    @Test
    void beforeTakesAnyAuditStreamPositionNotOnlyThoseOfThirtyTwoBits() {
        Project project = api.createProject("far", "alice");
        api.save(project, "a.txt", "x", 0);

        JsonNode page = ok(timeline(project, "?minVersion=0&before=" + (Integer.MAX_VALUE + 1L)));

        assertThat(page.get("entries")).hasSize(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/timeline?limit=0", "/timeline?limit=1001", "/timeline?limit=x", "/timeline?before=0",
            "/timeline?before=-5", "/timeline?before=9223372036854775808", "/timeline?minVersion=-1", "/files/deleted?limit=0", "/files/deleted?limit=1001",
            "/files/deleted?minVersion=abc", "/files/deleted?after=%2Fabsolute"})
    void badParametersAreProblems(String route) {
        Project project = api.createProject("bad", "alice");

        Response response = api.get("/api/projects/" + project.id() + route, project.token());

        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("detail").asText()).isNotBlank();
    }

    private static List<String> paths(JsonNode page) {
        List<String> paths = new ArrayList<>();
        page.get("files").forEach(file -> paths.add(file.get("path").asText()));
        return paths;
    }
}
