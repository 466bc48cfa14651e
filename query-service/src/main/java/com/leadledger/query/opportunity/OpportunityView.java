package com.leadledger.query.opportunity;

import com.leadledger.events.opportunity.OpportunityOpened;
import com.leadledger.query.ingest.EventRef;
import com.leadledger.query.ingest.Projector;

import java.time.Instant;

import static com.leadledger.query.ingest.EventContract.required;

/**
 * An opportunity (customer key, product line) as the read side knows it. Its ranking is the opportunity's
 * registrations ordered by position, kept in {@code registration_view}. Immutable; see {@link #PROJECTOR}.
 */
public record OpportunityView(
        String opportunityId,
        String customerKey,
        String productLine,
        Instant openedAt,
        Instant updatedAt,
        String lastEventId) {

    public static final Projector<OpportunityView> PROJECTOR = Projector
            .<OpportunityView>builder("opportunity", OpportunityView::touchedBy)
            .creates(OpportunityOpened.class, OpportunityOpened::opportunityId, OpportunityView::from)
            .build();

    public static OpportunityView from(OpportunityOpened e) {
        return new OpportunityView(required(e.opportunityId(), "opportunityId", e),
                required(e.customerKey(), "customerKey", e).value(), required(e.productLine(), "productLine", e),
                required(e.openedAt(), "openedAt", e), null, null);
    }

    public OpportunityView touchedBy(EventRef ref) {
        return new OpportunityView(opportunityId, customerKey, productLine, openedAt, ref.timestamp(), ref.eventId());
    }
}
