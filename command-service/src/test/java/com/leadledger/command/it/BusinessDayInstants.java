package com.leadledger.command.it;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.Set;

/**
 * The due instants the docs promise, worked out by the tests themselves rather than by the production calendar:
 * the N-th following day that is Monday to Friday in the policy's time zone and not one of its holidays, at the same
 * local time of day.
 */
final class BusinessDayInstants {

    /** The default policy's calendar. */
    static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");

    private BusinessDayInstants() {
    }

    static Instant after(Instant from, int businessDays, ZoneId zone, Set<LocalDate> holidays) {
        LocalDateTime local = LocalDateTime.ofInstant(from, zone);
        LocalDate day = local.toLocalDate();
        for (int counted = 0; counted < businessDays; ) {
            day = day.plusDays(1);
            boolean weekend = day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
            if (!weekend && !holidays.contains(day)) {
                counted++;
            }
        }
        return day.atTime(local.toLocalTime()).atZone(zone).toInstant();
    }

    /** {@code businessDays} after {@code from} in the calendar of a policy document as the API serves it. */
    static Instant after(Instant from, int businessDays, JsonNode policy) {
        Set<LocalDate> holidays = new HashSet<>();
        policy.path("calendar").path("holidays").forEach(day -> holidays.add(LocalDate.parse(day.asText())));
        return after(from, businessDays, ZoneId.of(policy.path("calendar").path("timeZone").asText()), holidays);
    }

    /** How far ahead the next Friday (in the zone) is, from a week ahead down to one day. */
    static java.time.Duration untilNextFriday(Instant now, ZoneId zone) {
        LocalDate today = LocalDate.ofInstant(now, zone);
        int days = (DayOfWeek.FRIDAY.getValue() - today.getDayOfWeek().getValue() + 7) % 7;
        return java.time.Duration.ofDays(days == 0 ? 7 : days);
    }
}
