package com.leadledger.query.partner;

import com.leadledger.events.partner.PartnerOnboarded;
import com.leadledger.events.partner.PartnerPenalized;
import com.leadledger.events.partner.PartnerPenaltyReversed;
import com.leadledger.events.partner.PartnerProductLinesChanged;
import com.leadledger.events.partner.PartnerReinstated;
import com.leadledger.events.partner.PartnerSuspended;
import com.leadledger.events.partner.PartnerTier;
import com.leadledger.events.partner.PartnerTierChanged;
import com.leadledger.query.ingest.EventRef;
import com.leadledger.query.ingest.Projector;

import java.time.Instant;
import java.util.List;

import static com.leadledger.query.ingest.EventContract.required;

/**
 * A partner of the channel program as staff and auditors read it. Immutable; see {@link #PROJECTOR}.
 *
 * @param productLines     the lines it may register, as last set
 * @param suspendedAt      when it was suspended; null while active
 * @param suspensionReason why; null while active
 * @param penaltyPoints    points in force from upheld disputes (after appeal reversals)
 */
public record PartnerView(
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
        String lastEventId) {

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

    public static PartnerView from(PartnerOnboarded e) {
        return new PartnerView(required(e.partnerId(), "partnerId", e), required(e.name(), "name", e),
                required(e.tier(), "tier", e), e.productLines(), Status.ACTIVE, e.webhookUrl(),
                required(e.onboardedAt(), "onboardedAt", e), null, null, 0, null, null);
    }

    public PartnerView apply(PartnerTierChanged e) {
        return new PartnerView(partnerId, name, required(e.tier(), "tier", e), productLines, status, webhookUrl,
                onboardedAt, suspendedAt, suspensionReason, penaltyPoints, updatedAt, lastEventId);
    }

    public PartnerView apply(PartnerProductLinesChanged e) {
        return new PartnerView(partnerId, name, tier, required(e.productLines(), "productLines", e), status,
                webhookUrl, onboardedAt, suspendedAt, suspensionReason, penaltyPoints, updatedAt, lastEventId);
    }

    public PartnerView apply(PartnerSuspended e) {
        return new PartnerView(partnerId, name, tier, productLines, Status.SUSPENDED, webhookUrl, onboardedAt,
                e.suspendedAt(), e.reason(), penaltyPoints, updatedAt, lastEventId);
    }

    public PartnerView apply(PartnerReinstated e) {
        return new PartnerView(partnerId, name, tier, productLines, Status.ACTIVE, webhookUrl, onboardedAt, null,
                null, penaltyPoints, updatedAt, lastEventId);
    }

    public PartnerView apply(PartnerPenalized e) {
        return withPenaltyPoints(e.totalPoints());
    }

    public PartnerView apply(PartnerPenaltyReversed e) {
        return withPenaltyPoints(e.totalPoints());
    }

    private PartnerView withPenaltyPoints(int total) {
        return new PartnerView(partnerId, name, tier, productLines, status, webhookUrl, onboardedAt, suspendedAt,
                suspensionReason, total, updatedAt, lastEventId);
    }

    public PartnerView touchedBy(EventRef ref) {
        return new PartnerView(partnerId, name, tier, productLines, status, webhookUrl, onboardedAt, suspendedAt,
                suspensionReason, penaltyPoints, ref.timestamp(), ref.eventId());
    }
}
