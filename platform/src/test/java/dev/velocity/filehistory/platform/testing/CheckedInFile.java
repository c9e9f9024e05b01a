package dev.velocity.filehistory.platform.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A file in the repository that a test derives from the running code, for a build step on the other side to read
 * (the OpenAPI description the editor's types come from, the server's line edits the editor's diff must match).
 * The test fails while the file differs from what the code gives now; {@code -Dvelocity.writeFixtures=true} writes
 * it first, to be committed with the change that moved it.
 */
public final class CheckedInFile {

    private CheckedInFile() {
    }

    /** Asserts that {@code file} holds {@code expected}; {@code then} says what to run after rewriting it. */
    public static void assertHolds(Path file, String expected, String then) throws IOException {
        if (Boolean.getBoolean("velocity.writeFixtures")) {
            Files.writeString(file, expected, StandardCharsets.UTF_8);
        }
        String checkedIn = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        assertThat(checkedIn)
                .as("%s is not what the code gives now; rerun this test with -Dvelocity.writeFixtures=true, then %s",
                        file, then)
                .isEqualTo(expected);
    }
}
