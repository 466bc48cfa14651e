package com.leadledger.query.review;

import org.apache.commons.text.similarity.JaroWinklerSimilarity;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;
import java.util.Optional;

/**
 * When two registrations with different customer keys may still name the same customer (DOMAIN.md, "possible
 * duplicate"): the same web domain, or legal names that normalize ({@code CustomerNames.normalize}) to very similar
 * strings. A pure function; the candidates it is asked about are pre-selected in SQL. The score and reason are shown
 * to staff; they never change the ranking.
 */
final class DuplicateRules {

    /** The lowest Jaro-Winkler similarity of normalized names that counts as a possible duplicate. */
    public static final double SIMILAR_NAME_THRESHOLD = 0.88;

    /**
     * The trigram similarity ({@code pg_trgm}) from which the SQL pre-selects names to score: a fast, index-backed
     * filter, not the decision. Names that reach {@link #SIMILAR_NAME_THRESHOLD} practically always share this many
     * trigrams: in a simulation of one-letter typos (substitution, insertion, deletion, transposition) in one- to
     * three-word names, the only pairs it missed were four-letter names with two letters swapped ("soft" / "osft").
     * pg_trgm's default (0.3) also misses five- and six-letter transpositions ("vostok" / "vsotok").
     */
    public static final double PRESELECTION_TRIGRAM_SIMILARITY = 0.2;

    private static final JaroWinklerSimilarity JARO_WINKLER = new JaroWinklerSimilarity();

    public enum Reason { SAME_DOMAIN, SIMILAR_NAME }

    /**
     * What the comparison needs of one registration.
     *
     * @param normalizedName the normalized legal name; may be empty or null (never similar to anything)
     */
    public record Party(String registrationId, String customerKey, String domain, String normalizedName) {
    }

    public record Match(Reason reason, double score) {
    }

    private DuplicateRules() {
    }

    /**
     * Whether {@code other} may be a duplicate of {@code subject}. Never for the same registration or the same
     * customer key (those compete in the same opportunity, or are the same customer on another product line). The
     * same domain wins over a similar name (score 1.0); otherwise the score is the names' Jaro-Winkler similarity,
     * rounded to three decimals.
     */
    public static Optional<Match> match(Party subject, Party other) {
        if (Objects.equals(subject.registrationId(), other.registrationId())
                || Objects.equals(subject.customerKey(), other.customerKey())) {
            return Optional.empty();
        }
        if (sameDomain(subject, other)) {
            return Optional.of(new Match(Reason.SAME_DOMAIN, 1.0));
        }
        if (isBlank(subject.normalizedName()) || isBlank(other.normalizedName())) {
            return Optional.empty();
        }
        double similarity = JARO_WINKLER.apply(subject.normalizedName(), other.normalizedName());
        if (similarity < SIMILAR_NAME_THRESHOLD) {
            return Optional.empty();
        }
        return Optional.of(new Match(Reason.SIMILAR_NAME,
                BigDecimal.valueOf(similarity).setScale(3, RoundingMode.HALF_UP).doubleValue()));
    }

    /** The same normalized domain, or one's key is the other's domain (a key is a domain when there is no tax id). */
    static boolean sameDomain(Party a, Party b) {
        return a.domain() != null && (a.domain().equals(b.domain()) || a.domain().equals(b.customerKey()))
                || b.domain() != null && b.domain().equals(a.customerKey());
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
