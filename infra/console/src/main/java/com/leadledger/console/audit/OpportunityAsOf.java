package com.leadledger.console.audit;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** An opportunity as it was at {@code asOf}: its ranking ("who registered first"), support and open disputes. */
public record OpportunityAsOf(String opportunityId, Instant asOf, String customerKey, String productLine,
                              Instant openedAt, String supportedRegistrationId, List<RankingEntry> ranking,
                              List<OpenDispute> openDisputes) {

    public OpportunityAsOf {
        ranking = ranking == null ? List.of() : List.copyOf(ranking);
        openDisputes = openDisputes == null ? List.of() : List.copyOf(openDisputes);
    }

    public record RankingEntry(int position, String registrationId, String partnerId, Instant acceptedAt,
                               String status, Instant protectedUntil, BigDecimal discountPercent, boolean supported) {
    }

    public record OpenDispute(String disputeId, String type, int level, String complainantPartnerId,
                              String respondentPartnerId, Instant slaDueAt) {
    }
}
