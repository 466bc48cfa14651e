package com.leadledger.console.opportunity;

import java.time.Instant;
import java.util.List;

/** An opportunity as channel staff read it: the ranking, the supported registration and the support history. */
public record Opportunity(String opportunityId, String customerKey, String productLine, Instant openedAt,
                          List<RankingEntry> ranking, String supportedRegistrationId,
                          List<SupportHistoryEntry> supportHistory) {

    public Opportunity {
        ranking = ranking == null ? List.of() : List.copyOf(ranking);
        supportHistory = supportHistory == null ? List.of() : List.copyOf(supportHistory);
    }

    public record RankingEntry(int position, String registrationId, String partnerId, Instant acceptedAt,
                               String status, Instant protectedUntil, boolean supported) {
    }

    /** A support change (GRANTED, MOVED, WITHDRAWN) or a customer's written preference recorded. */
    public record SupportHistoryEntry(String eventId, String action, String fromRegistrationId,
                                      String toRegistrationId, String fromPartnerId, String toPartnerId,
                                      String reasonCode, String rulingDisputeId, String evidenceSha256, String note,
                                      Instant at, String actorId) {
    }

    /** The supported registration's ranking entry, if one is supported. */
    public RankingEntry supported() {
        return ranking.stream().filter(r -> r.registrationId().equals(supportedRegistrationId)).findFirst()
                .orElse(null);
    }

    /** The customer's written preferences recorded on the opportunity: the documents a move may cite. */
    public List<SupportHistoryEntry> recordedPreferences() {
        return supportHistory.stream().filter(h -> "EVIDENCE_RECORDED".equals(h.action())).toList();
    }

    /** Approved registrations: the ones support may go to. */
    public List<RankingEntry> approved() {
        return ranking.stream().filter(r -> "APPROVED".equals(r.status())).toList();
    }
}
