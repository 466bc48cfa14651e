package com.leadledger.console.dispute;

import org.springframework.context.MessageSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A dispute timeline entry's summary in the user's language. The API words each summary in English from the event,
 * by a fixed sentence per kind that never names a party; this reads the sentence's values (levels, counts, the
 * dispute's type, the ruling's outcome) back and words it again from the console's message bundles. A sentence the
 * console does not know (a kind added later) is shown as the API gave it.
 */
public final class TimelineSummary {

    private enum Value { NUMBER, DISPUTE_TYPE, OUTCOME }

    private record Sentence(String kind, Pattern english, String key, List<Value> values) {
    }

    private static final List<Sentence> SENTENCES = List.of(
            sentence("OPENED", "Dispute of type (\\w+) opened at level (\\d+)\\.", "opened",
                    Value.DISPUTE_TYPE, Value.NUMBER),
            sentence("EVIDENCE_ADDED", "Evidence added \\((\\d+) documents?\\)\\.", "evidenceAdded", Value.NUMBER),
            sentence("RESPONDENT_LINKED", "Staff linked the respondent\\.", "respondentLinked"),
            sentence("ASSIGNED", "Assigned to a decider of level (\\d+)\\.", "assigned", Value.NUMBER),
            sentence("ESCALATED", "Escalated automatically from level (\\d+) to level (\\d+): the SLA of level \\d+ "
                    + "passed without a ruling\\.", "escalatedAutomatically", Value.NUMBER, Value.NUMBER),
            sentence("ESCALATED", "Escalated from level (\\d+) to level (\\d+) on request\\.", "escalatedOnRequest",
                    Value.NUMBER, Value.NUMBER),
            sentence("RULED", "Ruled (\\w+) at level (\\d+)\\.", "ruled", Value.OUTCOME, Value.NUMBER),
            sentence("RULED", "Appeal decided: (\\w+) at level (\\d+)\\.", "appealDecided", Value.OUTCOME,
                    Value.NUMBER),
            sentence("APPEALED", "A party appealed; the appeal is heard at level (\\d+)\\.", "appealed",
                    Value.NUMBER),
            sentence("RULING_RECORDED", "The ruling was recorded on the opportunity\\.", "rulingRecorded"),
            sentence("RULING_RECORDED", "The ruling was recorded on the opportunity, naming the rightful "
                    + "registration\\.", "rulingRecordedWithRightful"),
            sentence("PROTECTION_REVOKED", "The respondent's registration lost its protection\\.",
                    "protectionRevoked"),
            sentence("PROTECTION_RESTORED", "The revocation of the respondent's protection was reversed\\.",
                    "protectionRestored"),
            sentence("PENALTY_APPLIED", "The respondent received (\\d+) penalty points\\.", "penaltyApplied",
                    Value.NUMBER),
            sentence("PENALTY_REVERSED", "The respondent's (\\d+) penalty points were reversed\\.",
                    "penaltyReversed", Value.NUMBER),
            sentence("SUPPORT_MOVED", "Vendor support moved citing this dispute's ruling\\.", "supportMoved"),
            sentence("REGISTRATION_APPROVED", "A registration was approved citing this dispute's ruling\\.",
                    "registrationApproved"));

    private TimelineSummary() {
    }

    private static Sentence sentence(String kind, String english, String key, Value... values) {
        return new Sentence(kind, Pattern.compile(english), "timeline.summary." + key, List.of(values));
    }

    /** The summary the API gave for an entry of {@code kind}, in {@code locale}. */
    public static String of(String kind, String summary, MessageSource messages, Locale locale) {
        if (summary == null) {
            return "";
        }
        for (Sentence sentence : SENTENCES) {
            Matcher matcher = sentence.english().matcher(summary.strip());
            if (sentence.kind().equals(kind) && matcher.matches()) {
                List<Object> args = new ArrayList<>();
                for (int i = 0; i < sentence.values().size(); i++) {
                    args.add(value(sentence.values().get(i), matcher.group(i + 1), messages, locale));
                }
                return messages.getMessage(sentence.key(), args.toArray(), locale);
            }
        }
        return summary;
    }

    private static Object value(Value value, String text, MessageSource messages, Locale locale) {
        return switch (value) {
            case NUMBER -> Integer.valueOf(text);
            case DISPUTE_TYPE -> messages.getMessage("disputeType." + text, null, text, locale);
            case OUTCOME -> messages.getMessage("outcome." + text, null, text, locale);
        };
    }
}
