package com.leadledger.query.opportunity;

import com.leadledger.events.LeadLedgerEvent;
import com.leadledger.events.customer.CustomerKey;
import com.leadledger.events.opportunity.OpportunityOpened;
import com.leadledger.events.opportunity.SupportGranted;
import com.leadledger.events.opportunity.SupportMoved;
import com.leadledger.events.opportunity.SupportReason;
import com.leadledger.events.opportunity.SupportWithdrawn;
import com.leadledger.events.registration.RegistrationApproved;
import com.leadledger.events.registration.RegistrationStatus;
import com.leadledger.events.registration.RegistrationSubmitted;
import com.leadledger.events.registration.RegistrationWithdrawn;
import com.leadledger.query.Fixtures;
import com.leadledger.query.projection.EventRef;
import com.leadledger.query.registration.RegistrationView;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class OpportunityViewTest {

    static final Instant OPENED = Instant.parse("2030-01-01T09:00:00Z");

    @Test
    void anOpenedOpportunityKeepsItsKeyAndLine() {
        OpportunityOpened opened = new OpportunityOpened("opp-9", new CustomerKey("RU:7707083893"), "DATA_CENTER",
                OPENED);
        EventRef ref = Fixtures.ref(opened, OPENED);

        OpportunityView view = OpportunityView.PROJECTOR.apply(null, opened, ref);

        assertThat(view.opportunityId()).isEqualTo("opp-9");
        assertThat(view.customerKey()).isEqualTo("RU:7707083893");
        assertThat(view.productLine()).isEqualTo("DATA_CENTER");
        assertThat(view.openedAt()).isEqualTo(OPENED);
        assertThat(view.lastEventId()).isEqualTo(ref.eventId());
    }

    @Test
    void theRankingFollowsPositionsWhateverOrderTheViewsComeIn() {
        OpportunityView opportunity = OpportunityView.from(new OpportunityOpened("opp-9",
                new CustomerKey("RU:7707083893"), "NETWORK_SECURITY", OPENED));
        RegistrationSubmitted first = Fixtures.submitted("opp-9", "P-1", 1, OPENED);
        RegistrationSubmitted second = Fixtures.submitted("opp-9", "P-2", 2, OPENED.plusSeconds(10));
        RegistrationSubmitted third = Fixtures.submitted("opp-9", "P-3", 3, OPENED.plusSeconds(20));
        RegistrationView withdrawnSecond = registration(second, new RegistrationWithdrawn("opp-9",
                second.registrationId(), "P-2", null, OPENED.plusSeconds(30)));

        OpportunityResponse response = OpportunityResponse.of(opportunity, List.of(registration(third),
                withdrawnSecond, registration(first)));

        assertThat(response.ranking()).extracting(OpportunityResponse.RankingEntry::position).containsExactly(1, 2, 3);
        assertThat(response.ranking()).extracting(OpportunityResponse.RankingEntry::partnerId)
                .containsExactly("P-1", "P-2", "P-3");
        assertThat(response.ranking()).extracting(OpportunityResponse.RankingEntry::status)
                .containsExactly(RegistrationStatus.SUBMITTED, RegistrationStatus.WITHDRAWN,
                        RegistrationStatus.SUBMITTED);
        assertThat(response.supportedRegistrationId()).isNull();
        assertThat(response.supportHistory()).isEmpty();
    }

    @Test
    void vendorSupportIsGrantedMovedAndWithdrawn() {
        OpportunityView opened = OpportunityView.from(new OpportunityOpened("opp-9",
                new CustomerKey("RU:7707083893"), "NETWORK_SECURITY", OPENED));
        SupportGranted grant = new SupportGranted("opp-9", "reg-1", "P-1", null, OPENED.plusSeconds(10), 1);
        SupportMoved move = new SupportMoved("opp-9", "reg-1", "P-1", "reg-2", "P-2",
                SupportReason.CUSTOMER_WRITTEN_PREFERENCE, null, "ab".repeat(32), null, OPENED.plusSeconds(20), 1);
        SupportWithdrawn withdrawal = new SupportWithdrawn("opp-9", "reg-2", "P-2", SupportReason.PARTNER_WITHDREW,
                null, null, null, OPENED.plusSeconds(30), 1);
        EventRef moved = Fixtures.ref(move, OPENED.plusSeconds(21));

        OpportunityView granted = OpportunityView.PROJECTOR.apply(opened, grant, Fixtures.ref(grant, OPENED));
        OpportunityView afterMove = OpportunityView.PROJECTOR.apply(granted, move, moved);
        OpportunityView withdrawn = OpportunityView.PROJECTOR.apply(afterMove, withdrawal,
                Fixtures.ref(withdrawal, OPENED.plusSeconds(31)));

        assertThat(opened.supportedRegistrationId()).isNull();
        assertThat(granted.supportedRegistrationId()).isEqualTo("reg-1");
        assertThat(afterMove.supportedRegistrationId()).isEqualTo("reg-2");
        assertThat(afterMove.lastEventId()).isEqualTo(moved.eventId());
        assertThat(withdrawn.supportedRegistrationId()).isNull();
        assertThat(withdrawn.customerKey()).isEqualTo("RU:7707083893");
    }

    @Test
    void theRankingShowsProtectionAndSupportAndTheHistoryFollowsTheStream() {
        OpportunityView opportunity = OpportunityView.from(new OpportunityOpened("opp-9",
                new CustomerKey("RU:7707083893"), "NETWORK_SECURITY", OPENED))
                .apply(new SupportGranted("opp-9", "x", "P-1", null, OPENED, 1));
        RegistrationSubmitted first = Fixtures.submitted("opp-9", "P-1", 1, OPENED);
        Instant until = OPENED.plusSeconds(86_400 * 90L);
        RegistrationView approved = registration(first,
                new RegistrationApproved("opp-9", first.registrationId(), "P-1", BigDecimal.TEN, 90, until,
                        null, null, OPENED, 1),
                new SupportGranted("opp-9", first.registrationId(), "P-1", null, OPENED, 1));
        SupportHistoryEntry second = new SupportHistoryEntry("e2", "opp-9", 5, SupportHistoryEntry.Action.WITHDRAWN,
                first.registrationId(), null, "P-1", null, null, null, null, null, OPENED, "m");
        SupportHistoryEntry firstEntry = new SupportHistoryEntry("e1", "opp-9", 4, SupportHistoryEntry.Action.GRANTED,
                null, first.registrationId(), null, "P-1", null, null, null, null, OPENED, "m");

        OpportunityResponse response = OpportunityResponse.of(opportunity, List.of(approved),
                List.of(second, firstEntry));

        OpportunityResponse.RankingEntry entry = response.ranking().get(0);
        assertThat(entry.status()).isEqualTo(RegistrationStatus.APPROVED);
        assertThat(entry.protectedUntil()).isEqualTo(until);
        assertThat(entry.supported()).isTrue();
        assertThat(response.supportedRegistrationId()).isEqualTo("x");
        assertThat(response.supportHistory()).extracting(SupportHistoryEntry::eventId).containsExactly("e1", "e2");
    }

    /** A registration of the ranking, folded from its events by the registration slice's projector. */
    static RegistrationView registration(LeadLedgerEvent... events) {
        RegistrationView view = null;
        for (LeadLedgerEvent event : events) {
            view = RegistrationView.PROJECTOR.apply(view, event, Fixtures.ref(event, OPENED));
        }
        return view;
    }
}
