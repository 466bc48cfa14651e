package com.leadledger.query.opportunity;

import com.leadledger.events.opportunity.OpportunityOpened;
import com.leadledger.events.opportunity.SupportGranted;
import com.leadledger.events.opportunity.SupportMoved;
import com.leadledger.events.opportunity.SupportWithdrawn;
import com.leadledger.query.ingest.EventRef;
import com.leadledger.query.ingest.Projector;

import java.time.Instant;

import static com.leadledger.query.ingest.EventContract.required;

/**
 * An opportunity (customer key, product line) as the read side knows it. Its ranking is the opportunity's
 * registrations ordered by position, kept in {@code registration_view}; its support decisions are in
 * {@code support_history}. Immutable; see {@link #PROJECTOR}.
 *
 * @param supportedRegistrationId the registration the vendor backs now, or null
 */
public record OpportunityView(
        String opportunityId,
        String customerKey,
        String productLine,
        Instant openedAt,
        String supportedRegistrationId,
        Instant updatedAt,
        String lastEventId) {

    public static final Projector<OpportunityView> PROJECTOR = Projector
            .<OpportunityView>builder("opportunity", OpportunityView::touchedBy)
            .creates(OpportunityOpened.class, OpportunityOpened::opportunityId, OpportunityView::from)
            .updates(SupportGranted.class, SupportGranted::opportunityId, OpportunityView::apply)
            .updates(SupportMoved.class, SupportMoved::opportunityId, OpportunityView::apply)
            .updates(SupportWithdrawn.class, SupportWithdrawn::opportunityId, OpportunityView::apply)
            .build();

    public static OpportunityView from(OpportunityOpened e) {
        return new OpportunityView(required(e.opportunityId(), "opportunityId", e),
                required(e.customerKey(), "customerKey", e).value(), required(e.productLine(), "productLine", e),
                required(e.openedAt(), "openedAt", e), null, null, null);
    }

    public OpportunityView apply(SupportGranted e) {
        return supporting(required(e.registrationId(), "registrationId", e));
    }

    public OpportunityView apply(SupportMoved e) {
        return supporting(required(e.toRegistrationId(), "toRegistrationId", e));
    }

    public OpportunityView apply(SupportWithdrawn e) {
        return supporting(null);
    }

    private OpportunityView supporting(String registrationId) {
        return new OpportunityView(opportunityId, customerKey, productLine, openedAt, registrationId, updatedAt,
                lastEventId);
    }

    public OpportunityView touchedBy(EventRef ref) {
        return new OpportunityView(opportunityId, customerKey, productLine, openedAt, supportedRegistrationId,
                ref.timestamp(), ref.eventId());
    }
}
