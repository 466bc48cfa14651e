package com.leadledger.kit.web;

import com.leadledger.kit.domain.RuleViolation;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** One rule for every {@code ?asOf=}: now when absent, any past instant, never the future or something unparsable. */
class AsOfParameterTest {

    private static final Instant NOW = Instant.parse("2026-12-01T09:30:00Z");

    @Test
    void canDefaultToNowAndTakeAnyInstantUpToNow() {
        assertThat(AsOfParameter.of(null, NOW)).isEqualTo(NOW);
        assertThat(AsOfParameter.of(" ", NOW)).isEqualTo(NOW);
        assertThat(AsOfParameter.of("2026-06-30T00:00:00Z", NOW)).isEqualTo(Instant.parse("2026-06-30T00:00:00Z"));
        assertThat(AsOfParameter.of(" 2020-01-01T00:00:00.123Z ", NOW))
                .isEqualTo(Instant.parse("2020-01-01T00:00:00.123Z"));
        assertThat(AsOfParameter.of("2026-12-01T12:29:00+03:00", NOW)).isEqualTo(NOW.minusSeconds(60));
        assertThat(AsOfParameter.of(NOW.toString(), NOW)).isEqualTo(NOW);
    }

    @Test
    void cannotTakeAnUnparsableOrFutureInstant() {
        for (String bad : List.of("yesterday", "2026-12-01", "2026-13-01T00:00:00Z",
                NOW.plusMillis(1).toString())) {
            assertThatThrownBy(() -> AsOfParameter.of(bad, NOW)).as(bad)
                    .isInstanceOf(RuleViolation.class)
                    .satisfies(e -> {
                        RuleViolation violation = (RuleViolation) e;
                        assertThat(violation.kind()).isEqualTo(RuleViolation.Kind.INVALID);
                        assertThat(violation.code()).isEqualTo(RuleViolation.VALIDATION_FAILED);
                        assertThat(violation.errors()).hasSize(1);
                        assertThat(violation.errors().get(0).field()).isEqualTo("asOf");
                    });
        }
        assertThatThrownBy(() -> AsOfParameter.of(NOW.plusSeconds(1).toString(), NOW))
                .hasMessageContaining("future");
    }
}
