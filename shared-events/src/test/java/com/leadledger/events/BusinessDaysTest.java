package com.leadledger.events;

import com.leadledger.events.policy.BusinessDays;
import com.leadledger.events.policy.PolicyDocument;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class BusinessDaysTest {

    private final BusinessDays moscow = new BusinessDays(new PolicyDocument.BusinessCalendar("Europe/Moscow",
            List.of(LocalDate.parse("2026-12-31"), LocalDate.parse("2027-01-01")), List.of()));

    @Test
    void skipsWeekends() {
        // Thursday 2026-11-19 12:00 MSK + 2 business days = Monday 2026-11-23 12:00 MSK
        assertThat(moscow.add(Instant.parse("2026-11-19T09:00:00Z"), 2)).isEqualTo(Instant.parse("2026-11-23T09:00:00Z"));
    }

    @Test
    void skipsHolidays() {
        // Wednesday 2026-12-30 + 2 business days: 31st and 1st are holidays, 2nd/3rd weekend → Tue 2027-01-05
        assertThat(moscow.add(Instant.parse("2026-12-30T09:00:00Z"), 2)).isEqualTo(Instant.parse("2027-01-05T09:00:00Z"));
    }

    @Test
    void countsFromAWeekendToTheNextBusinessDays() {
        // Saturday 2026-11-21 + 1 business day = Monday 2026-11-23
        assertThat(moscow.add(Instant.parse("2026-11-21T09:00:00Z"), 1)).isEqualTo(Instant.parse("2026-11-23T09:00:00Z"));
    }

    @Test
    void usesThePolicyTimeZoneForTheDate() {
        // Friday 2026-11-20 22:30 UTC is already Saturday 01:30 in Moscow → +1 business day = Monday 01:30 MSK
        assertThat(moscow.add(Instant.parse("2026-11-20T22:30:00Z"), 1)).isEqualTo(Instant.parse("2026-11-22T22:30:00Z"));
    }

    @Test
    void countsAnExtraWorkingDayOnAWeekend() {
        BusinessDays withWorkingSaturday = new BusinessDays(new PolicyDocument.BusinessCalendar("Europe/Moscow",
                List.of(LocalDate.parse("2027-11-05")), List.of(LocalDate.parse("2027-11-13"))));
        // Thursday 2027-11-04 + 1: Friday the 5th is a holiday, Saturday the 13th's week is later → Monday the 8th
        assertThat(withWorkingSaturday.add(Instant.parse("2027-11-04T09:00:00Z"), 1))
                .isEqualTo(Instant.parse("2027-11-08T09:00:00Z"));
        // Friday 2027-11-12 + 1 = the working Saturday 2027-11-13
        assertThat(withWorkingSaturday.add(Instant.parse("2027-11-12T09:00:00Z"), 1))
                .isEqualTo(Instant.parse("2027-11-13T09:00:00Z"));
        assertThat(withWorkingSaturday.isBusinessDay(LocalDate.parse("2027-11-14"))).isFalse();
    }
}
