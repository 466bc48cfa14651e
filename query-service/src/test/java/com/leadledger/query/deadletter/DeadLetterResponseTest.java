package com.leadledger.query.deadletter;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

class DeadLetterResponseTest {

    @Test
    void aTextRecordIsShownAsText() {
        DeadLetterResponse.RecordValue value = DeadLetterResponse.RecordValue.of(
                "{\"eventId\":\"e-1\",\"name\":\"Ромашка\"}".getBytes(StandardCharsets.UTF_8));

        assertThat(value.encoding()).isEqualTo("utf-8");
        assertThat(value.value()).isEqualTo("{\"eventId\":\"e-1\",\"name\":\"Ромашка\"}");
    }

    @Test
    void aBinaryRecordIsShownAsBase64SoNothingIsLost() {
        byte[] binary = {(byte) 0xC3, (byte) 0x28, 0, 1};

        DeadLetterResponse.RecordValue value = DeadLetterResponse.RecordValue.of(binary);

        assertThat(value.encoding()).isEqualTo("base64");
        assertThat(Base64.getDecoder().decode(value.value())).containsExactly(binary);
    }

    @Test
    void aRecordWithoutValueSaysSo() {
        assertThat(DeadLetterResponse.RecordValue.of(null).encoding()).isEqualTo("none");
    }

    @Test
    void textThatPostgresCannotHoldIsCleanedAndBounded() {
        assertThat(DeadLetterRepository.clean("a\u0000b")).isEqualTo("a\uFFFDb");
        assertThat(DeadLetterRepository.clean("x".repeat(10_000))).hasSize(DeadLetterRepository.MAX_TEXT + 1);
        assertThat(DeadLetterRepository.clean(null)).isNull();
    }
}
