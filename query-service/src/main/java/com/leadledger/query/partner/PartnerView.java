package com.leadledger.query.partner;

import com.leadledger.events.partner.PartnerOnboarded;
import com.leadledger.events.partner.PartnerPenalized;
import com.leadledger.events.partner.PartnerPenaltyReversed;
import com.leadledger.events.partner.PartnerProductLinesChanged;
import com.leadledger.events.partner.PartnerReinstated;
import com.leadledger.events.partner.PartnerSuspended;
import com.leadledger.events.partner.PartnerTier;
import com.leadledger.events.partner.PartnerTierChanged;
import com.leadledger.query.projection.EventRef;
import com.leadledger.query.projection.Projector;
import io.soabase.recordbuilder.core.RecordBuilder;

import java.time.Instant;
import java.util.List;

import static com.leadledger.query.projection.EventContract.required;

/**
 * A partner of the channel program as staff and auditors read it. Immutable; see {@link #PROJECTOR}.
 *
 * @param productLines     the lines it may register, as last set
 * @param suspendedAt      when it was suspended; null while active
 * @param suspensionReason why; null while active
 * @param penaltyPoints    points in force from upheld disputes (after appeal reversals)
 */
@RecordBuilder
record PartnerView(
        String partnerId,
        String name,
        PartnerTier tier,
        List<String> productLines,
        Status status,
        String webhookUrl,
        Instant onboardedAt,
        Instant suspendedAt,
        String suspensionReason,
        int penaltyPoints,
        Instant updatedAt,
        String lastEventId) implements PartnerViewBuilder.With {

    public enum Status { ACTIVE, SUSPENDED }

    public PartnerView {
        productLines = productLines == null ? List.of() : List.copyOf(productLines);
    }

    public static final Projector<PartnerView> PROJECTOR = Projector
            .<PartnerView>builder("partner", PartnerView::touchedBy)
            .creates(PartnerOnboarded.class, PartnerOnboarded::partnerId, PartnerView::from)
            .updates(PartnerTierChanged.class, PartnerTierChanged::partnerId, PartnerView::apply)
            .updates(PartnerProductLinesChanged.class, PartnerProductLinesChanged::partnerId, PartnerView::apply)
            .updates(PartnerSuspended.class, PartnerSuspended::partnerId, PartnerView::apply)
            .updates(PartnerReinstated.class, PartnerReinstated::partnerId, PartnerView::apply)
            .updates(PartnerPenalized.class, PartnerPenalized::partnerId, PartnerView::apply)
            .updates(PartnerPenaltyReversed.class, PartnerPenaltyReversed::partnerId, PartnerView::apply)
            .build();

    static PartnerView from(PartnerOnboarded e) {
        return PartnerViewBuilder.builder()
                .partnerId(required(e.partnerId(), "partnerId", e))
                .name(required(e.name(), "name", e))
                .tier(required(e.tier(), "tier", e))
                .productLines(e.productLines())
                .status(Status.ACTIVE)
                .webhookUrl(e.webhookUrl())
                .onboardedAt(required(e.onboardedAt(), "onboardedAt", e))
                .build();
    }

    PartnerView apply(PartnerTierChanged e) {
        return withTier(required(e.tier(), "tier", e));
    }

    PartnerView apply(PartnerProductLinesChanged e) {
        return withProductLines(required(e.productLines(), "productLines", e));
    }

    PartnerView apply(PartnerSuspended e) {
        return with(b -> b.status(Status.SUSPENDED).suspendedAt(e.suspendedAt()).suspensionReason(e.reason()));
    }

    PartnerView apply(PartnerReinstated e) {
        return with(b -> b.status(Status.ACTIVE).suspendedAt(null).suspensionReason(null));
    }

    PartnerView apply(PartnerPenalized e) {
        return withPenaltyPoints(e.totalPoints());
    }

    PartnerView apply(PartnerPenaltyReversed e) {
        return withPenaltyPoints(e.totalPoints());
    }

    PartnerView touchedBy(EventRef ref) {
        return with(b -> b.updatedAt(ref.timestamp()).lastEventId(ref.eventId()));
    }
}
