package com.leadledger.console.dispute;

import java.time.Instant;
import java.util.List;

/**
 * A dispute as one of its parties reads it from the query service. The API never puts the other party's identity in
 * it, and neither does the console: nothing here names the other partner or its registration.
 *
 * @param role COMPLAINANT or RESPONDENT
 */
public record PartnerDispute(String disputeId, String type, String role, String status, int level,
                             String opportunityId, String registrationId, String description, Amounts amounts,
                             Instant openedAt, Instant slaDueAt, boolean respondentLinked, boolean appealed,
                             Instant appealableUntil, List<Ruling> rulings, List<Evidence> evidence,
                             List<TimelineEntry> timeline) {

    /** A ruling with its effects described without names, and the decider's statement for the parties. */
    public record Ruling(int level, String outcome, String partyStatement, boolean appeal, Instant decidedAt,
                         Instant appealableUntil, long policyVersion, String rightfulRegistrationId,
                         boolean yourRegistrationRightful, boolean respondentProtectionRevoked, int penaltyPoints) {
    }

    /** The viewer's own evidence. */
    public record Evidence(String evidenceId, String description, Amounts amounts, List<Document> documents,
                           Instant addedAt) {
        public Evidence {
            documents = documents == null ? List.of() : List.copyOf(documents);
        }
    }

    /** @param note the viewer's own free text; null otherwise */
    public record TimelineEntry(Instant at, String kind, int level, String summary, String note) {
    }

    public PartnerDispute {
        rulings = rulings == null ? List.of() : List.copyOf(rulings);
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
        timeline = timeline == null ? List.of() : List.copyOf(timeline);
    }

    public boolean complainant() {
        return "COMPLAINANT".equals(role);
    }

    public boolean open() {
        return "OPEN".equals(status);
    }

    /** The ruling in force: the last one made, null before any. */
    public Ruling lastRuling() {
        return rulings.isEmpty() ? null : rulings.get(rulings.size() - 1);
    }

    /** Whether the one appeal may still be made at {@code now}: ruled, not appealed, inside the window. */
    public boolean appealableAt(Instant now) {
        return !open() && !appealed && appealableUntil != null && now.isBefore(appealableUntil);
    }
}
