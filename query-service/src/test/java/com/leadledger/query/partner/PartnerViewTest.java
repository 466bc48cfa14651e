package com.leadledger.query.partner;

import com.leadledger.events.partner.PartnerOnboarded;
import com.leadledger.events.partner.PartnerPenalized;
import com.leadledger.events.partner.PartnerPenaltyReversed;
import com.leadledger.events.partner.PartnerProductLinesChanged;
import com.leadledger.events.partner.PartnerReinstated;
import com.leadledger.events.partner.PartnerSuspended;
import com.leadledger.events.partner.PartnerTier;
import com.leadledger.events.partner.PartnerTierChanged;
import com.leadledger.query.Fixtures;
import com.leadledger.query.projection.EventRef;
import com.leadledger.query.projection.Projector;
import com.leadledger.query.projection.UndecodableRecordException;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PartnerViewTest {

    static final Instant T = Instant.parse("2030-02-01T09:00:00Z");
    static final PartnerOnboarded ONBOARDED = new PartnerOnboarded("P-1", "Integrator One", PartnerTier.SILVER,
            List.of("NETWORK_SECURITY", "DATA_CENTER"), "https://hooks.example/p1", T);

    @Test
    void anOnboardedPartnerIsActiveWithoutPenaltyPoints() {
        EventRef ref = Fixtures.ref(ONBOARDED, T);

        PartnerView view = PartnerView.PROJECTOR.apply(null, ONBOARDED, ref);

        assertThat(view.partnerId()).isEqualTo("P-1");
        assertThat(view.name()).isEqualTo("Integrator One");
        assertThat(view.tier()).isEqualTo(PartnerTier.SILVER);
        assertThat(view.productLines()).containsExactly("NETWORK_SECURITY", "DATA_CENTER");
        assertThat(view.status()).isEqualTo(PartnerView.Status.ACTIVE);
        assertThat(view.webhookUrl()).isEqualTo("https://hooks.example/p1");
        assertThat(view.onboardedAt()).isEqualTo(T);
        assertThat(view.penaltyPoints()).isZero();
        assertThat(view.suspendedAt()).isNull();
        assertThat(view.updatedAt()).isEqualTo(T);
        assertThat(view.lastEventId()).isEqualTo(ref.eventId());
    }

    @Test
    void tierProductLinesSuspensionAndReinstatementChangeThePartner() {
        PartnerView view = PartnerView.from(ONBOARDED);

        PartnerView gold = view.apply(new PartnerTierChanged("P-1", PartnerTier.SILVER, PartnerTier.GOLD, T));
        PartnerView lines = gold.apply(new PartnerProductLinesChanged("P-1", List.of("COLLABORATION"), T));
        PartnerView suspended = lines.apply(new PartnerSuspended("P-1", "unpaid fees", T.plusSeconds(60)));
        PartnerView reinstated = suspended.apply(new PartnerReinstated("P-1", "paid", T.plusSeconds(120)));

        assertThat(gold.tier()).isEqualTo(PartnerTier.GOLD);
        assertThat(lines.productLines()).containsExactly("COLLABORATION");
        assertThat(suspended.status()).isEqualTo(PartnerView.Status.SUSPENDED);
        assertThat(suspended.suspendedAt()).isEqualTo(T.plusSeconds(60));
        assertThat(suspended.suspensionReason()).isEqualTo("unpaid fees");
        assertThat(reinstated.status()).isEqualTo(PartnerView.Status.ACTIVE);
        assertThat(reinstated.suspendedAt()).isNull();
        assertThat(reinstated.suspensionReason()).isNull();
        assertThat(reinstated.tier()).isEqualTo(PartnerTier.GOLD);
        assertThat(view.tier()).as("the old state is untouched").isEqualTo(PartnerTier.SILVER);
    }

    @Test
    void foldingThePartnersHistoryGivesItsCurrentState() {
        PartnerSuspended suspended = new PartnerSuspended("P-1", "audit", T.plusSeconds(5));
        PartnerOnboarded other = new PartnerOnboarded("P-2", "Two", PartnerTier.REGISTERED, List.of(), null, T);
        List<Projector.Step> history = List.of(new Projector.Step(ONBOARDED, Fixtures.ref(ONBOARDED, T)),
                new Projector.Step(other, Fixtures.ref(other, T)),
                new Projector.Step(suspended, Fixtures.ref(suspended, T.plusSeconds(6))));

        var all = PartnerView.PROJECTOR.foldAll(history);

        assertThat(all.keySet()).containsExactly("P-1", "P-2");
        assertThat(all.get("P-1").status()).isEqualTo(PartnerView.Status.SUSPENDED);
        assertThat(all.get("P-1").updatedAt()).isEqualTo(T.plusSeconds(6));
        assertThat(all.get("P-2").status()).isEqualTo(PartnerView.Status.ACTIVE);
    }

    @Test
    void aPartnerWithoutTierOrUnknownToTheViewIsHandledLikeOtherViews() {
        PartnerOnboarded incomplete = new PartnerOnboarded("P-9", "Nine", null, List.of(), null, T);
        PartnerSuspended orphan = new PartnerSuspended("P-unknown", "x", T);

        assertThatThrownBy(() -> PartnerView.from(incomplete)).isInstanceOf(UndecodableRecordException.class);
        assertThat(PartnerView.PROJECTOR.apply(null, orphan, Fixtures.ref(orphan, T))).isNull();
    }

    @Test
    void penaltiesAndTheirReversalSetThePointsInForce() {
        PartnerView view = PartnerView.from(ONBOARDED);

        PartnerView penalized = view.apply(new PartnerPenalized("P-1", "D-1", 5, 5, T));
        PartnerView twice = penalized.apply(new PartnerPenalized("P-1", "D-2", 3, 8, T.plusSeconds(1)));
        PartnerView reversed = twice.apply(new PartnerPenaltyReversed("P-1", "D-1", 5, 3, T.plusSeconds(2)));

        assertThat(penalized.penaltyPoints()).isEqualTo(5);
        assertThat(twice.penaltyPoints()).isEqualTo(8);
        assertThat(reversed.penaltyPoints()).isEqualTo(3);
        assertThat(PartnerView.PROJECTOR.handles(new PartnerPenalized("P-1", "D-1", 5, 5, T))).isTrue();
    }
}
