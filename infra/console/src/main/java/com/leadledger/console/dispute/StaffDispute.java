package com.leadledger.console.dispute;

import java.time.Instant;
import java.util.List;

/**
 * A dispute with everything staff may see: both parties, all evidence, rulings, the timeline, the opportunity's
 * ranking when the dispute was opened and the registrations it names.
 */
public record StaffDispute(String disputeId, String type, String status, int level, String opportunityId,
                           String registrationId, String complainantPartnerId, String openedBy, String openedByRole,
                           String description, Amounts amounts, Instant openedAt, long policyVersion,
                           long ageSeconds, Instant slaDueAt, boolean slaBreached, String assignee,
                           Respondent respondent, boolean appealed, Instant appealableUntil, List<Evidence> evidence,
                           List<Ruling> rulings, List<TimelineEntry> timeline, List<RankingEntry> rankingAtOpening,
                           List<LinkedRegistration> linkedRegistrations) {

    public record Respondent(String partnerId, String registrationId, String opportunityId, Instant linkedAt) {
    }

    /** @param submittedByPartnerId null when staff submitted it */
    public record Evidence(String evidenceId, String submittedBy, String submittedByPartnerId, String description,
                           Amounts amounts, List<Document> documents, Instant addedAt) {
        public Evidence {
            documents = documents == null ? List.of() : List.copyOf(documents);
        }
    }

    public record Ruling(int level, String outcome, String rationale, String rightfulRegistrationId,
                         boolean revokeRespondentProtection, int penaltyPoints, boolean appeal,
                         Instant appealableUntil, String decidedBy, String decidedByRole, Instant decidedAt,
                         long policyVersion, String partyStatement) {
    }

    /** @param audience PARTIES, PARTNER (only {@code partnerId}) or STAFF */
    public record TimelineEntry(Instant at, String kind, int level, String actorId, String actorRole, String audience,
                                String partnerId, String summary, String note) {
    }

    public record RankingEntry(int position, String registrationId, String partnerId, Instant acceptedAt,
                               String status, boolean supported, Instant protectedUntil) {
    }

    /** @param role COMPLAINANT, RESPONDENT or RIGHTFUL */
    public record LinkedRegistration(String role, String registrationId, String opportunityId, String partnerId,
                                     int position, String status, boolean supported, Instant protectedUntil) {
    }

    public StaffDispute {
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
        rulings = rulings == null ? List.of() : List.copyOf(rulings);
        timeline = timeline == null ? List.of() : List.copyOf(timeline);
        rankingAtOpening = rankingAtOpening == null ? List.of() : List.copyOf(rankingAtOpening);
        linkedRegistrations = linkedRegistrations == null ? List.of() : List.copyOf(linkedRegistrations);
    }

    public boolean open() {
        return "OPEN".equals(status);
    }
}
