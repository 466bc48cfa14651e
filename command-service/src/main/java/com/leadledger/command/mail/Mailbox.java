package com.leadledger.command.mail;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Where a message goes, and the language ({@code ru} or {@code en}) it is written in. */
record Mailbox(String email, String language) {

    static final Set<String> LANGUAGES = Set.of("ru", "en");

    Mailbox {
        if (email == null || email.isBlank() || !email.contains("@")) {
            throw new IllegalArgumentException("not an e-mail address: " + email);
        }
        if (!LANGUAGES.contains(language)) {
            throw new IllegalArgumentException("the language of " + email + " must be ru or en, not " + language);
        }
    }

    /** {@code a@x.example:ru, b@y.example:en} (a missing language is {@code en}). */
    static List<Mailbox> parseList(String entries) {
        List<Mailbox> result = new ArrayList<>();
        if (entries == null) {
            return result;
        }
        for (String entry : entries.split(",")) {
            String trimmed = entry.strip();
            if (trimmed.isEmpty()) {
                continue;
            }
            int colon = trimmed.lastIndexOf(':');
            result.add(colon < 0 ? new Mailbox(trimmed, "en")
                    : new Mailbox(trimmed.substring(0, colon).strip(),
                    trimmed.substring(colon + 1).strip().toLowerCase(Locale.ROOT)));
        }
        return result;
    }
}
