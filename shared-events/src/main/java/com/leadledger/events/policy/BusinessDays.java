package com.leadledger.events.policy;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.HashSet;
import java.util.Set;

/**
 * Business-day arithmetic in a policy's calendar: Monday to Friday in its time zone, minus its holidays, plus its extra
 * working days (transferred Saturdays). Adding N
 * business days keeps the local time of day and lands on the N-th following business day.
 */
public final class BusinessDays {

    private final ZoneId zone;
    private final Set<LocalDate> holidays;
    private final Set<LocalDate> extraWorkingDays;

    public BusinessDays(PolicyDocument.BusinessCalendar calendar) {
        this.zone = ZoneId.of(calendar.timeZone());
        this.holidays = new HashSet<>(calendar.holidays() == null ? Set.of() : calendar.holidays());
        this.extraWorkingDays = new HashSet<>(calendar.extraWorkingDays());
    }

    public Instant add(Instant from, int businessDays) {
        if (businessDays < 0) {
            throw new IllegalArgumentException("business days must not be negative");
        }
        ZonedDateTime at = from.atZone(zone);
        int remaining = businessDays;
        while (remaining > 0) {
            at = at.plusDays(1);
            if (isBusinessDay(at.toLocalDate())) {
                remaining--;
            }
        }
        return at.toInstant();
    }

    public boolean isBusinessDay(LocalDate date) {
        if (extraWorkingDays.contains(date)) {
            return true;
        }
        DayOfWeek day = date.getDayOfWeek();
        return day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY && !holidays.contains(date);
    }
}
