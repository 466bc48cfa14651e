package com.leadledger.query.dumping;

import com.leadledger.events.common.Money;
import com.leadledger.events.policy.PolicyDocument;
import com.leadledger.events.registration.DumpingRule;
import com.leadledger.events.registration.PossibleDumpingDismissed;
import com.leadledger.events.registration.PossibleDumpingDisputed;
import com.leadledger.events.registration.PossibleDumpingFlagged;
import com.leadledger.query.projection.EventRef;
import com.leadledger.query.projection.Projector;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import static com.leadledger.query.Fixtures.ref;
import static org.assertj.core.api.Assertions.assertThat;

class DumpingFlagViewTest {

    private static final Instant AT = Instant.parse("2026-12-01T09:00:00Z");
    private static final PossibleDumpingFlagged FLAGGED = new PossibleDumpingFlagged("opp-1", "r-1", "P-1", "DF-r-1",
            "NETWORK_SECURITY", Money.of("1250000.00", "RUB"), Money.of("500000", "RUB"), new BigDecimal("10"),
            new BigDecimal("60.00"), PolicyDocument.PriceFloor.maxDiscount("30"), Money.of("875000", "RUB"),
            List.of(DumpingRule.DISCOUNT_ABOVE_APPROVED, DumpingRule.BELOW_POLICY_FLOOR), 1, AT);

    @Test
    void aFlagIsQueuedOpenWithEveryNumberItsRulesUsed() {
        EventRef ref = ref(FLAGGED, AT);
        DumpingFlagView view = DumpingFlagView.PROJECTOR.apply(null, FLAGGED, ref);

        assertThat(view.status()).isEqualTo(DumpingFlagView.Status.OPEN);
        assertThat(view.registeredValue()).isEqualTo(Money.of("1250000.00", "RUB"));
        assertThat(view.finalValue()).isEqualTo(Money.of("500000", "RUB"));
        assertThat(view.approvedDiscountPercent()).isEqualByComparingTo("10");
        assertThat(view.impliedDiscountPercent()).isEqualByComparingTo("60");
        assertThat(view.floor()).isEqualTo(PolicyDocument.PriceFloor.maxDiscount("30"));
        assertThat(view.floorValue()).isEqualTo(Money.of("875000", "RUB"));
        assertThat(view.rules()).containsExactly(DumpingRule.DISCOUNT_ABOVE_APPROVED, DumpingRule.BELOW_POLICY_FLOOR);
        assertThat(view.policyVersion()).isEqualTo(1);
        assertThat(view.lastEventId()).isEqualTo(ref.eventId());
        assertThat(view.disputeId()).isNull();
    }

    @Test
    void aFlagTakenToADisputeShowsTheDisputeAndWhoOpenedIt() {
        PossibleDumpingDisputed disputed = new PossibleDumpingDisputed("opp-1", "r-1", "DF-r-1", "d-1", "manager-1",
                AT.plusSeconds(60));
        DumpingFlagView view = DumpingFlagView.PROJECTOR.fold("DF-r-1", List.of(
                new Projector.Step(FLAGGED, ref(FLAGGED, AT)), new Projector.Step(disputed, ref(disputed, AT))));

        assertThat(view.status()).isEqualTo(DumpingFlagView.Status.DISPUTED);
        assertThat(view.disputeId()).isEqualTo("d-1");
        assertThat(view.closedBy()).isEqualTo("manager-1");
        assertThat(view.closedAt()).isEqualTo(AT.plusSeconds(60));
        assertThat(view.finalValue()).isEqualTo(Money.of("500000", "RUB"));
    }

    @Test
    void aDismissedFlagKeepsItsReason() {
        PossibleDumpingDismissed dismissed = new PossibleDumpingDismissed("opp-1", "r-1", "DF-r-1",
                "budget cut confirmed", "manager-1", AT.plusSeconds(60));
        DumpingFlagView view = DumpingFlagView.PROJECTOR.fold("DF-r-1", List.of(
                new Projector.Step(FLAGGED, ref(FLAGGED, AT)), new Projector.Step(dismissed, ref(dismissed, AT))));

        assertThat(view.status()).isEqualTo(DumpingFlagView.Status.DISMISSED);
        assertThat(view.dismissalReason()).isEqualTo("budget cut confirmed");
        assertThat(view.disputeId()).isNull();
    }

    @Test
    void aRedeliveredFlagDoesNotResetAFlagStaffAlreadyActedOn() {
        PossibleDumpingDisputed disputed = new PossibleDumpingDisputed("opp-1", "r-1", "DF-r-1", "d-1", "manager-1",
                AT.plusSeconds(60));
        DumpingFlagView acted = DumpingFlagView.PROJECTOR.fold("DF-r-1", List.of(
                new Projector.Step(FLAGGED, ref(FLAGGED, AT)), new Projector.Step(disputed, ref(disputed, AT))));

        assertThat(DumpingFlagView.PROJECTOR.apply(acted, FLAGGED, ref(FLAGGED, AT))).isSameAs(acted);
    }
}
