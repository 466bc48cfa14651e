package com.leadledger.command.partner;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** The monthly run's default schedule: 03:00 Moscow time on the first day of each month. */
class MonthlyQualificationRunTest {

    @Test
    void runsAtThreeInTheMorningMoscowTimeOnTheFirstOfEachMonth() {
        var schedule = MonthlyQualificationRun.schedule("0 0 3 1 * *", "Europe/Moscow");

        assertThat(schedule.getInitialExecutionTime(Instant.parse("2026-11-22T09:00:00Z")))
                .isEqualTo(Instant.parse("2026-12-01T00:00:00Z"));
        assertThat(schedule.getInitialExecutionTime(Instant.parse("2026-12-01T00:00:01Z")))
                .isEqualTo(Instant.parse("2027-01-01T00:00:00Z"));
    }
}
