package com.leadledger.query.opportunity;

import com.leadledger.events.registration.RegistrationStatus;
import com.leadledger.query.registration.RegistrationView;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * An opportunity with its full ranking and its vendor support decisions, for vendor staff and auditors. Built from
 * views only, so the live endpoint and a future as-of endpoint (views folded in memory) render the same shape.
 *
 * @param supportedRegistrationId the registration the vendor backs now, or null
 * @param supportHistory          every support decision, oldest first
 */
record OpportunityResponse(
        String opportunityId,
        String customerKey,
        String productLine,
        Instant openedAt,
        List<RankingEntry> ranking,
        String supportedRegistrationId,
        List<SupportHistoryEntry> supportHistory) {

    /**
     * @param protectedUntil end of protection, for approved (and formerly approved) registrations
     * @param supported      whether the vendor backs this registration now
     */
    public record RankingEntry(int position, String registrationId, String partnerId, Instant acceptedAt,
                               RegistrationStatus status, Instant protectedUntil, boolean supported) {
    }

    public static OpportunityResponse of(OpportunityView opportunity, List<RegistrationView> registrations) {
        return of(opportunity, registrations, List.of());
    }

    public static OpportunityResponse of(OpportunityView opportunity, List<RegistrationView> registrations,
                                         List<SupportHistoryEntry> supportHistory) {
        List<RankingEntry> ranking = registrations.stream()
                .filter(r -> r.opportunityId().equals(opportunity.opportunityId()))
                .sorted(Comparator.comparingInt(RegistrationView::position))
                .map(r -> new RankingEntry(r.position(), r.registrationId(), r.partnerId(), r.acceptedAt(),
                        r.status(), r.protectedUntil(), r.supported()))
                .toList();
        List<SupportHistoryEntry> history = supportHistory.stream()
                .filter(h -> h.opportunityId().equals(opportunity.opportunityId()))
                .sorted(Comparator.comparingLong(SupportHistoryEntry::sequenceNumber))
                .toList();
        return new OpportunityResponse(opportunity.opportunityId(), opportunity.customerKey(),
                opportunity.productLine(), opportunity.openedAt(), ranking, opportunity.supportedRegistrationId(),
                history);
    }
}
