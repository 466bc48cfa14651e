package com.leadledger.events.policy;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class EarlyRegistrationTest {

    private static final PointsRules.EarlyRegistration SIXTY = new PointsRules.EarlyRegistration(60, 5);

    @Test
    void countsCalendarDaysFromTheUtcDateOfTheSubmission() {
        assertThat(PointsRules.EarlyRegistration.daysBeforeClose(Instant.parse("2026-02-01T23:59:00Z"),
                LocalDate.parse("2026-04-02"))).isEqualTo(60);
        assertThat(PointsRules.EarlyRegistration.daysBeforeClose(Instant.parse("2026-02-02T00:00:00Z"),
                LocalDate.parse("2026-04-02"))).isEqualTo(59);
    }

    @Test
    void isEarlyFromTheMinimumDaysInclusive() {
        assertThat(SIXTY.early(Instant.parse("2026-02-01T12:00:00Z"), LocalDate.parse("2026-04-02"))).isTrue();
        assertThat(SIXTY.early(Instant.parse("2026-02-02T00:00:00Z"), LocalDate.parse("2026-04-02"))).isFalse();
        assertThat(SIXTY.early(Instant.parse("2026-01-02T00:00:00Z"), LocalDate.parse("2026-04-02"))).isTrue();
    }

    @Test
    void aPolicyWithoutPointsRulesCountsMoreThanThirtyDaysAsEarly() {
        PointsRules.EarlyRegistration legacy = PointsRules.EarlyRegistration.of(null);
        assertThat(legacy).isEqualTo(PointsRules.EarlyRegistration.WITHOUT_PROGRAM);
        assertThat(legacy.early(Instant.parse("2026-03-01T10:00:00Z"), LocalDate.parse("2026-04-01"))).isTrue();
        assertThat(legacy.early(Instant.parse("2026-03-02T10:00:00Z"), LocalDate.parse("2026-04-01"))).isFalse();
    }
}
