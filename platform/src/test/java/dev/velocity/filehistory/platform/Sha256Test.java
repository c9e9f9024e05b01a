package dev.velocity.filehistory.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class Sha256Test {

    @ParameterizedTest
    @ValueSource(strings = {"", "ascii", "é", "€ and 文件", "emoji 😀 pair", "lone \ud800 surrogate", "\u07ff\u0800"})
    void countsUtf8BytesLikeTheEncoderDoes(String text) {
        assertThat(Sha256.utf8Length(text)).isEqualTo(text.getBytes(StandardCharsets.UTF_8).length);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "hello", "€"})
    void hashesTheUtf8BytesInLowercaseHex(String text) {
        assertThat(Sha256.hex(text)).isEqualTo(Sha256.hex(text.getBytes(StandardCharsets.UTF_8))).matches("[0-9a-f]{64}");
    }
}
