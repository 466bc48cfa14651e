package com.leadledger.command.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.Set;

/**
 * The due instants the docs promise, worked out by the tests themselves rather than by the production calendar:
 * the N-th following day that is Monday to Friday in the policy's time zone and not one of its holidays, or one of its
 * extra working days, at the same local time of day.
 */
final class BusinessDayInstants {

    /** The default policy's calendar. */
    static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");

    private BusinessDayInstants() {
    }

    static Instant after(Instant from, int businessDays, ZoneId zone, Set<LocalDate> holidays,
                         Set<LocalDate> extraWorkingDays) {
        LocalDateTime local = LocalDateTime.ofInstant(from, zone);
        LocalDate day = local.toLocalDate();
        for (int counted = 0; counted < businessDays; ) {
            day = day.plusDays(1);
            boolean weekend = day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
            if (extraWorkingDays.contains(day) || !weekend && !holidays.contains(day)) {
                counted++;
            }
        }
        return day.atTime(local.toLocalTime()).atZone(zone).toInstant();
    }

    /** {@code businessDays} after {@code from} in the calendar of a policy document as the API serves it. */
    static Instant after(Instant from, int businessDays, JsonNode policy) {
        JsonNode calendar = policy.path("calendar");
        return after(from, businessDays, ZoneId.of(calendar.path("timeZone").asText()), dates(calendar.path("holidays")),
                dates(calendar.path("extraWorkingDays")));
    }

    /** {@code businessDays} after {@code from} in the shipped default policy's calendar. */
    static Instant inShippedPolicy(Instant from, int businessDays) {
        try (InputStream in = BusinessDayInstants.class.getResourceAsStream("/policy/default-policy.json")) {
            return after(from, businessDays, new ObjectMapper().readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Set<LocalDate> dates(JsonNode days) {
        Set<LocalDate> dates = new HashSet<>();
        days.forEach(day -> dates.add(LocalDate.parse(day.asText())));
        return dates;
    }

    /** How far ahead the next Friday (in the zone) is, from a week ahead down to one day. */
    static java.time.Duration untilNextFriday(Instant now, ZoneId zone) {
        LocalDate today = LocalDate.ofInstant(now, zone);
        int days = (DayOfWeek.FRIDAY.getValue() - today.getDayOfWeek().getValue() + 7) % 7;
        return java.time.Duration.ofDays(days == 0 ? 7 : days);
    }
}
