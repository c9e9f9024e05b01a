package dev.velocity.filehistory.history.content;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.velocity.filehistory.api.LineEdit;
import dev.velocity.filehistory.platform.testing.CheckedInFile;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The editor diffs lines too (its three-way merge, with jsdiff); this keeps both ends diffing alike. It writes the
 * server's edits ({@link LineEdits#diff}, java-diff-utils' Myers) for seeded text pairs to a fixture that the editor's
 * Vitest suite checks its own diff against (editor-ui/test/lineEditsAgreement.test.ts), and fails when the server's
 * edits drift from the checked-in fixture (a java-diff-utils upgrade, a change of the head/tail cut): rerun with
 * {@code -Dvelocity.writeFixtures=true} to write it, then run the editor's tests.
 */
class ServerLineEditsFixtureTest {

    static final Path FIXTURE = Path.of("..", "editor-ui", "test", "fixtures", "server-line-edits.json");

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Test
    void theServersEditsForTheSeededPairsAreTheCheckedInOnes() throws IOException {
        Map<String, Object> fixture = new LinkedHashMap<>();
        fixture.put("about", "Written by history-core's ServerLineEditsFixtureTest from LineEdits.diff (java-diff-utils): "
                + "the edits the server makes for seeded text pairs. Do not edit by hand.");
        List<Map<String, Object>> pairs = new ArrayList<>();
        for (TextPairs.Pair pair : TextPairs.seeded()) {
            List<LineEdit> edits = LineEdits.diff(pair.base(), pair.target());
            assertThat(LineEdits.apply(pair.base(), edits)).as(pair.name()).isEqualTo(pair.target());
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("name", pair.name());
            entry.put("base", pair.base());
            entry.put("target", pair.target());
            entry.put("edits", edits);
            pairs.add(entry);
        }
        fixture.put("pairs", pairs);
        String expected = JSON.writeValueAsString(fixture) + "\n";

        CheckedInFile.assertHolds(FIXTURE, expected, "the editor's tests (npx vitest run lineEditsAgreement)");
    }
}
