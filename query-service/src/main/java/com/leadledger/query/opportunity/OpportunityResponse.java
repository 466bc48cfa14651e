package com.leadledger.query.opportunity;

import com.leadledger.events.registration.RegistrationStatus;
import com.leadledger.query.registration.RegistrationView;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * An opportunity with its full ranking, for vendor staff and auditors. Built from views only, so the live endpoint
 * and a future as-of endpoint (views folded in memory) render the same shape. Vendor support is not projected yet:
 * {@code supportedRegistrationId} is null and {@code supportHistory} empty.
 */
public record OpportunityResponse(
        String opportunityId,
        String customerKey,
        String productLine,
        Instant openedAt,
        List<RankingEntry> ranking,
        String supportedRegistrationId,
        List<Object> supportHistory) {

    public record RankingEntry(int position, String registrationId, String partnerId, Instant acceptedAt,
                               RegistrationStatus status) {
    }

    public static OpportunityResponse of(OpportunityView opportunity, List<RegistrationView> registrations) {
        List<RankingEntry> ranking = registrations.stream()
                .filter(r -> r.opportunityId().equals(opportunity.opportunityId()))
                .sorted(Comparator.comparingInt(RegistrationView::position))
                .map(r -> new RankingEntry(r.position(), r.registrationId(), r.partnerId(), r.acceptedAt(),
                        r.status()))
                .toList();
        return new OpportunityResponse(opportunity.opportunityId(), opportunity.customerKey(),
                opportunity.productLine(), opportunity.openedAt(), ranking, null, List.of());
    }
}
