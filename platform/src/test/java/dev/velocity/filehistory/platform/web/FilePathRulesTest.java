package dev.velocity.filehistory.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FilePathRulesTest {

    @ParameterizedTest
    @ValueSource(strings = {"a", "src/app.js", "deep/er/path/file.txt", "ünïcødé/文件.md", "with space/x y",
            "dots.in/name..js", ".hidden/.env", "a/b/c/d/e/f/g"})
    void acceptsProjectRelativePaths(String path) {
        assertThat(FilePathRules.requireValid("path", path)).isEqualTo(path);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "/abs", "a//b", "a/", "./a", "a/./b", "a/..", "../a", "a\\b", "a\u0000b", "a\nb",
            "a\u007fb", "a\u0085b", "\ud800x"})
    void rejectsEverythingElseWith400(String path) {
        assertThatThrownBy(() -> FilePathRules.requireValid("path", path))
                .isInstanceOfSatisfying(ApiProblem.class, problem ->
                        assertThat(problem.status().value()).isEqualTo(400));
    }

    @org.junit.jupiter.api.Test
    void limitsPathsTo1024Utf8Bytes() {
        String ascii = "a".repeat(1024);
        assertThat(FilePathRules.requireValid("path", ascii)).isEqualTo(ascii);
        assertThatThrownBy(() -> FilePathRules.requireValid("path", "a".repeat(1025))).isInstanceOf(ApiProblem.class);
        String twoBytesEach = "é".repeat(513);
        assertThatThrownBy(() -> FilePathRules.requireValid("path", twoBytesEach)).isInstanceOf(ApiProblem.class);
    }
}
