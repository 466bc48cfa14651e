package com.leadledger.command.program.rebate;

import com.leadledger.events.policy.RebateRules;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;

class RebatePeriodEndsTest {

    private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");

    @Test
    void theDeadlineIsDueOneMinuteAfterTheNextQuarterBeginsInThePolicysTimeZone() {
        assertThat(RebatePeriodEnds.PeriodEnds.nextAfter(Instant.parse("2026-12-04T12:00:00Z"), MOSCOW))
                .isEqualTo(Instant.parse("2026-12-31T21:01:00Z"));
        // a run just after the quarter began schedules the next quarter, not the same one again
        assertThat(RebatePeriodEnds.PeriodEnds.nextAfter(Instant.parse("2026-12-31T21:01:30Z"), MOSCOW))
                .isEqualTo(Instant.parse("2027-03-31T21:01:00Z"));
        // still 31 December in Moscow two minutes before midnight there
        assertThat(RebatePeriodEnds.PeriodEnds.nextAfter(Instant.parse("2026-12-31T20:58:00Z"), MOSCOW))
                .isEqualTo(Instant.parse("2026-12-31T21:01:00Z"));
    }

    @Test
    void eachRunClosesTheLatestPeriodThatHasEnded() {
        Instant newYear = Instant.parse("2026-12-31T21:01:00Z");
        assertThat(RebatePeriodEnds.lastEnded(newYear, MOSCOW, RebateRules.Accrual.QUARTERLY).name())
                .isEqualTo("2026-Q4");
        assertThat(RebatePeriodEnds.lastEnded(newYear, MOSCOW, RebateRules.Accrual.ANNUAL).name()).isEqualTo("2026");
        Instant april = Instant.parse("2027-03-31T21:01:00Z");
        assertThat(RebatePeriodEnds.lastEnded(april, MOSCOW, RebateRules.Accrual.QUARTERLY).name())
                .isEqualTo("2027-Q1");
        assertThat(RebatePeriodEnds.lastEnded(april, MOSCOW, RebateRules.Accrual.ANNUAL).name()).isEqualTo("2026");
    }
}
