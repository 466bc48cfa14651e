package com.leadledger.console.audit;

import java.time.Instant;
import java.util.List;

/**
 * A dispute as it was at an instant ({@code GET /api/v1/audit/disputes/{id}?asOf=}), as far as the history page shows
 * it: status, level, parties, assignee, the evidence and rulings so far and the timeline up to then.
 */
public record DisputeAsOf(String disputeId, String type, String status, int level, String opportunityId,
                          String complainantPartnerId, String assignee, Respondent respondent, boolean appealed,
                          Instant slaDueAt, List<Evidence> evidence, List<Ruling> rulings,
                          List<TimelineEntry> timeline) {

    public record Respondent(String partnerId, String registrationId) {
    }

    public record Evidence(String evidenceId, Instant addedAt) {
    }

    public record Ruling(int level, String outcome, boolean appeal, String decidedBy, Instant decidedAt,
                         boolean revokeRespondentProtection, int penaltyPoints) {
    }

    public record TimelineEntry(String eventId, Instant at, String kind, int level, String actorId, String summary) {
    }

    public DisputeAsOf {
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
        rulings = rulings == null ? List.of() : List.copyOf(rulings);
        timeline = timeline == null ? List.of() : List.copyOf(timeline);
    }
}
