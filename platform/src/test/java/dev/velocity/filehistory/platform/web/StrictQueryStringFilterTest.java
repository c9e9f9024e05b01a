package dev.velocity.filehistory.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StrictQueryStringFilterTest {

    @ParameterizedTest
    @ValueSource(strings = {"", "path=a.txt", "path=%C3%A9%2F%E6%96%87.md&version=2", "at=2025-01-01T00:00:00%2B01:00",
            "path=a+b", "path=%F0%9F%98%80", "x=[1]|{}"})
    void acceptsPercentEncodedUtf8(String query) {
        assertThat(StrictQueryStringFilter.isPercentEncodedUtf8(query)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"path=%FF", "path=%C3", "path=%C3%28", "path=%ED%A0%80", "path=%C0%AF", "path=%",
            "path=%4", "path=%G1", "path=\u00e9", "path=\ufffd"})
    void refusesAnythingElse(String query) {
        assertThat(StrictQueryStringFilter.isPercentEncodedUtf8(query)).isFalse();
    }
}
