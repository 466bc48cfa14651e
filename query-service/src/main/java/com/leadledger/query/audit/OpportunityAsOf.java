package com.leadledger.query.audit;

import com.leadledger.events.dispute.DisputeType;
import com.leadledger.events.registration.RegistrationStatus;
import io.swagger.v3.oas.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * An opportunity as it was at {@code asOf}, rebuilt from the event log.
 *
 * @param lastEventId the last event applied (at or before {@code asOf})
 */
record OpportunityAsOf(
        String opportunityId,
        Instant asOf,
        String customerKey,
        String productLine,
        Instant openedAt,
        String supportedRegistrationId,
        List<RankingEntry> ranking,
        List<OpenDispute> openDisputes,
        String lastEventId) {

    @Schema(name = "RankingEntryAsOf")
    public record RankingEntry(int position, String registrationId, String partnerId, Instant acceptedAt,
                               RegistrationStatus status, Instant protectedUntil, BigDecimal discountPercent,
                               boolean supported) {
    }

    public record OpenDispute(String disputeId, DisputeType type, int level, String complainantPartnerId,
                              String respondentPartnerId, Instant slaDueAt) {
    }
}
