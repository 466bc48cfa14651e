package com.leadledger.command.mail;

import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The texts of the messages, from the bundles {@code mail/messages} (English, the base) and {@code mail/messages_ru};
 * a key missing from either fails {@code MailTextsTest}, never a send.
 */
@Component
class MailTexts {

    static final String BUNDLE = "mail/messages";
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final ResourceBundleMessageSource messages = new ResourceBundleMessageSource();

    MailTexts() {
        messages.setBasename(BUNDLE);
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
    }

    Letter letter(MailKind kind, String language, Object... arguments) {
        Locale locale = Locale.forLanguageTag(language);
        return new Letter(messages.getMessage(kind.subjectKey(), arguments, locale),
                messages.getMessage(kind.bodyKey(), arguments, locale));
    }

    /** A word of the bundle (an outcome, a role), in the language. */
    String word(String key, String language) {
        return messages.getMessage(key, null, Locale.forLanguageTag(language));
    }

    /** An instant as local date and time in the policy's zone, with the zone named. */
    static String when(Instant instant, ZoneId zone) {
        return WHEN.format(instant.atZone(zone)) + " (" + zone.getId() + ")";
    }
}
