package com.leadledger.query.partner;

import com.leadledger.events.dispute.DisputeOutcome;
import com.leadledger.events.dispute.DisputeType;
import com.leadledger.query.dispute.DisputeView;

import java.time.Instant;
import java.util.List;

/**
 * A partner as staff, auditors and admins read it; {@code suspendedAt}/{@code suspensionReason} null while active.
 * {@code disputes} (the partner's dispute history, newest first) is given for one partner, not in listings.
 */
record PartnerResponse(
        String partnerId,
        String name,
        String tier,
        List<String> productLines,
        PartnerView.Status status,
        String webhookUrl,
        Instant onboardedAt,
        Instant suspendedAt,
        String suspensionReason,
        int penaltyPoints,
        Instant updatedAt,
        List<DisputeHistoryEntry> disputes) {

    /**
     * A dispute the partner was a party of (staff only): its role, and what the last ruling decided.
     *
     * @param lastOutcome   null while no ruling was made
     * @param penaltyPoints the points the last ruling ordered against the respondent (0: none)
     */
    public record DisputeHistoryEntry(String disputeId, String role, DisputeType type, DisputeView.Status status,
                                      int level, Instant openedAt, DisputeOutcome lastOutcome, int penaltyPoints) {

        static DisputeHistoryEntry of(DisputeView d, String partnerId) {
            DisputeView.Ruling last = d.rulings().isEmpty() ? null : d.rulings().get(d.rulings().size() - 1);
            return new DisputeHistoryEntry(d.disputeId(),
                    partnerId.equals(d.complainantPartnerId()) ? "COMPLAINANT" : "RESPONDENT", d.type(), d.status(),
                    d.level(), d.openedAt(), last == null ? null : last.outcome(),
                    last == null ? 0 : last.penaltyPoints());
        }
    }

    /** In a listing: without the dispute history (null). */
    static PartnerResponse of(PartnerView v) {
        return of(v, null);
    }

    static PartnerResponse of(PartnerView v, List<DisputeView> disputes) {
        return new PartnerResponse(v.partnerId(), v.name(), v.tier().name(), v.productLines(), v.status(), v.webhookUrl(),
                v.onboardedAt(), v.suspendedAt(), v.suspensionReason(), v.penaltyPoints(), v.updatedAt(),
                disputes == null ? null
                        : disputes.stream().map(d -> DisputeHistoryEntry.of(d, v.partnerId())).toList());
    }
}
