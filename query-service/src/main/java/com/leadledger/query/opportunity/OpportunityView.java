package com.leadledger.query.opportunity;

import com.leadledger.events.opportunity.OpportunityOpened;
import com.leadledger.events.opportunity.SupportGranted;
import com.leadledger.events.opportunity.SupportMoved;
import com.leadledger.events.opportunity.SupportWithdrawn;
import com.leadledger.query.projection.EventRef;
import com.leadledger.query.projection.Projector;
import io.soabase.recordbuilder.core.RecordBuilder;

import java.time.Instant;

import static com.leadledger.query.projection.EventContract.required;

/**
 * An opportunity (customer key, product line) as the read side knows it. Its ranking is the opportunity's
 * registrations ordered by position, kept in {@code registration_view}; its support decisions are in
 * {@code support_history}. Immutable; see {@link #PROJECTOR}.
 *
 * @param supportedRegistrationId the registration the vendor backs now, or null
 */
@RecordBuilder
public record OpportunityView(
        String opportunityId,
        String customerKey,
        String productLine,
        Instant openedAt,
        String supportedRegistrationId,
        Instant updatedAt,
        String lastEventId) implements OpportunityViewBuilder.With {

    public static final Projector<OpportunityView> PROJECTOR = Projector
            .<OpportunityView>builder("opportunity", OpportunityView::touchedBy)
            .creates(OpportunityOpened.class, OpportunityOpened::opportunityId, OpportunityView::from)
            .updates(SupportGranted.class, SupportGranted::opportunityId, OpportunityView::apply)
            .updates(SupportMoved.class, SupportMoved::opportunityId, OpportunityView::apply)
            .updates(SupportWithdrawn.class, SupportWithdrawn::opportunityId, OpportunityView::apply)
            .build();

    static OpportunityView from(OpportunityOpened e) {
        return OpportunityViewBuilder.builder()
                .opportunityId(required(e.opportunityId(), "opportunityId", e))
                .customerKey(required(e.customerKey(), "customerKey", e).value())
                .productLine(required(e.productLine(), "productLine", e))
                .openedAt(required(e.openedAt(), "openedAt", e))
                .build();
    }

    OpportunityView apply(SupportGranted e) {
        return withSupportedRegistrationId(required(e.registrationId(), "registrationId", e));
    }

    OpportunityView apply(SupportMoved e) {
        return withSupportedRegistrationId(required(e.toRegistrationId(), "toRegistrationId", e));
    }

    OpportunityView apply(SupportWithdrawn e) {
        return withSupportedRegistrationId(null);
    }

    OpportunityView touchedBy(EventRef ref) {
        return with(b -> b.updatedAt(ref.timestamp()).lastEventId(ref.eventId()));
    }
}
