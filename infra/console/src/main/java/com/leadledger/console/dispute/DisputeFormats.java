package com.leadledger.console.dispute;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import java.time.Duration;

/**
 * A dispute's age as the user reads it ({@code ${@disputeFormats.age(...)}} in the templates): days and hours; and its
 * timeline's summaries in the user's language ({@link TimelineSummary}).
 */
@Component("disputeFormats")
public class DisputeFormats {

    private final MessageSource messages;

    DisputeFormats(MessageSource messages) {
        this.messages = messages;
    }

    public String age(long seconds) {
        Duration age = Duration.ofSeconds(Math.max(0, seconds));
        return messages.getMessage("age.daysHoursMinutes",
                new Object[] {age.toDays(), age.toHoursPart(), age.toMinutesPart()}, LocaleContextHolder.getLocale());
    }

    public String timelineSummary(String kind, String summary) {
        return TimelineSummary.of(kind, summary, messages, LocaleContextHolder.getLocale());
    }
}
