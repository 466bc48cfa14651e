package com.leadledger.console.web;

import com.leadledger.console.api.Money;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import java.text.NumberFormat;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Currency;
import java.util.Locale;

/**
 * Dates, times and money as the user reads them: in their language's format, instants in their time zone
 * ({@code ${@formats.instant(...)}} in the templates).
 */
@Component("formats")
public class Formats {

    private final Clock clock;

    Formats(Clock clock) {
        this.clock = clock;
    }

    public String money(Money money) {
        if (money == null || money.amount() == null) {
            return "";
        }
        NumberFormat format = NumberFormat.getCurrencyInstance(locale());
        try {
            format.setCurrency(Currency.getInstance(money.currency()));
        } catch (IllegalArgumentException | NullPointerException unknownCurrency) {
            return money.amount().toPlainString() + " " + money.currency();
        }
        return format.format(money.amount());
    }

    public String instant(Instant instant) {
        if (instant == null) {
            return "";
        }
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT).withLocale(locale())
                .withZone(zone()).format(instant);
    }

    /** With the seconds, where instants close together must be told apart (an audit trail). */
    public String exactInstant(Instant instant) {
        if (instant == null) {
            return "";
        }
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.MEDIUM).withLocale(locale())
                .withZone(zone()).format(instant);
    }

    public String date(LocalDate date) {
        return date == null ? "" : DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale()).format(date);
    }

    /** Whole days from now until {@code instant} (0 once it has passed). */
    public long daysUntil(Instant instant) {
        if (instant == null) {
            return 0;
        }
        Duration left = Duration.between(clock.instant(), instant);
        return left.isNegative() ? 0 : left.toDays();
    }

    public boolean passed(Instant instant) {
        return instant != null && !instant.isAfter(clock.instant());
    }

    public String zoneName() {
        return zone().getId();
    }

    private static Locale locale() {
        return LocaleContextHolder.getLocale();
    }

    private static ZoneId zone() {
        return LocaleContextHolder.getTimeZone().toZoneId();
    }
}
