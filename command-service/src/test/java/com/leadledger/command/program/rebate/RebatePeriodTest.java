package com.leadledger.command.program.rebate;

import com.leadledger.events.policy.RebateRules;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;

/** Period boundaries follow the policy's time zone (the shipped policy: Europe/Moscow, UTC+3), not UTC. */
class RebatePeriodTest {

    private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");

    @Test
    void aDealWonAt2130UtcOnThe30thOfSeptemberIsInTheFourthQuarterInMoscow() {
        Instant wonAt = Instant.parse("2026-09-30T21:30:00Z"); // 00:30 on 1 October in Moscow
        RebatePeriod q4 = RebatePeriod.parse("2026-Q4");
        RebatePeriod q3 = RebatePeriod.parse("2026-Q3");

        assertThat(q4.start(MOSCOW)).isEqualTo(Instant.parse("2026-09-30T21:00:00Z"));
        assertThat(q3.end(MOSCOW)).isEqualTo(q4.start(MOSCOW));
        assertThat(wonAt).isAfterOrEqualTo(q4.start(MOSCOW)).isBefore(q4.end(MOSCOW));
        assertThat(wonAt).isAfterOrEqualTo(q3.end(MOSCOW));
        assertThat(RebatePeriod.containing(wonAt.atZone(MOSCOW).toLocalDate(), RebateRules.Accrual.QUARTERLY))
                .isEqualTo(q4);
    }

    @Test
    void aQuarterAndAYearEndAtMidnightInThePolicysTimeZone() {
        RebatePeriod q4 = RebatePeriod.parse("2026-Q4");
        RebatePeriod year = RebatePeriod.parse("2026");

        assertThat(q4.end(MOSCOW)).isEqualTo(Instant.parse("2026-12-31T21:00:00Z"));
        assertThat(year.start(MOSCOW)).isEqualTo(Instant.parse("2025-12-31T21:00:00Z"));
        assertThat(year.end(MOSCOW)).isEqualTo(q4.end(MOSCOW));
        assertThat(RebatePeriod.containing(Instant.parse("2026-12-31T20:59:59Z").atZone(MOSCOW).toLocalDate(),
                RebateRules.Accrual.ANNUAL)).isEqualTo(year);
        assertThat(RebatePeriod.containing(Instant.parse("2026-12-31T21:00:00Z").atZone(MOSCOW).toLocalDate(),
                RebateRules.Accrual.ANNUAL).name()).isEqualTo("2027");
    }
}
