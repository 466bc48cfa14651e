package com.leadledger.query.opportunity;

import com.leadledger.events.customer.CustomerKey;
import com.leadledger.events.opportunity.OpportunityOpened;
import com.leadledger.events.registration.RegistrationStatus;
import com.leadledger.events.registration.RegistrationSubmitted;
import com.leadledger.events.registration.RegistrationWithdrawn;
import com.leadledger.query.Fixtures;
import com.leadledger.query.ingest.EventRef;
import com.leadledger.query.registration.RegistrationView;
import org.junit.jupiter.api.Test;

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
        RegistrationView withdrawnSecond = RegistrationView.from(second).apply(new RegistrationWithdrawn("opp-9",
                second.registrationId(), "P-2", null, OPENED.plusSeconds(30)));

        OpportunityResponse response = OpportunityResponse.of(opportunity, List.of(RegistrationView.from(third),
                withdrawnSecond, RegistrationView.from(first)));

        assertThat(response.ranking()).extracting(OpportunityResponse.RankingEntry::position).containsExactly(1, 2, 3);
        assertThat(response.ranking()).extracting(OpportunityResponse.RankingEntry::partnerId)
                .containsExactly("P-1", "P-2", "P-3");
        assertThat(response.ranking()).extracting(OpportunityResponse.RankingEntry::status)
                .containsExactly(RegistrationStatus.SUBMITTED, RegistrationStatus.WITHDRAWN,
                        RegistrationStatus.SUBMITTED);
        assertThat(response.supportedRegistrationId()).isNull();
        assertThat(response.supportHistory()).isEmpty();
    }
}
