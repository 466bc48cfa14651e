package com.leadledger.query.report;

import com.leadledger.kit.domain.RuleViolation;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PeriodTest {

    private static final Instant NOW = Instant.parse("2026-12-03T12:00:00Z");

    @Test
    void defaultsToTheWholeLogUpToNow() {
        Period period = Period.of(null, null, null, NOW);
        assertThat(period).isEqualTo(new Period(Instant.EPOCH, NOW, NOW));
    }

    @Test
    void boundsAreInstantsOrDatesAndToDefaultsToAsOf() {
        Period period = Period.of("2026-10-01", null, "2026-11-15T08:00:00Z", NOW);
        assertThat(period).isEqualTo(new Period(Instant.parse("2026-10-01T00:00:00Z"),
                Instant.parse("2026-11-15T08:00:00Z"), Instant.parse("2026-11-15T08:00:00Z")));
    }

    @Test
    void fromIsInclusiveAndToExclusive() {
        Period period = Period.of("2026-10-01", "2026-11-01", null, NOW);
        assertThat(period.contains(Instant.parse("2026-10-01T00:00:00Z"))).isTrue();
        assertThat(period.contains(Instant.parse("2026-11-01T00:00:00Z"))).isFalse();
        assertThat(period.contains(null)).isFalse();
    }

    @Test
    void anUnreadableBoundIsAProblemNamingItsField() {
        for (String field : new String[] {"from", "to", "asOf"}) {
            assertThatThrownBy(() -> Period.of(field.equals("from") ? "yesterday" : null,
                    field.equals("to") ? "2026-13-01" : null, field.equals("asOf") ? "noon" : null, NOW))
                    .isInstanceOfSatisfying(RuleViolation.class,
                            problem -> assertThat(problem.errors()).singleElement()
                                    .satisfies(error -> assertThat(error.field()).isEqualTo(field)));
        }
    }

    @Test
    void toMustComeAfterFrom() {
        assertThatThrownBy(() -> Period.of("2026-11-01", "2026-10-01", null, NOW))
                .isInstanceOfSatisfying(RuleViolation.class,
                        problem -> assertThat(problem.errors()).singleElement()
                                .satisfies(error -> assertThat(error.field()).isEqualTo("to")));
    }
}
