package com.leadledger.events.dispute;

import com.leadledger.events.LeadLedgerEvent;
import com.leadledger.events.common.Money;
import com.leadledger.events.envelope.EnvelopeCodec;
import com.leadledger.events.envelope.EventEnvelope;
import com.leadledger.events.envelope.EventTypes;
import com.leadledger.events.partner.PartnerPenalized;
import com.leadledger.events.partner.PartnerPenaltyReversed;
import com.leadledger.events.registration.RegistrationRevocationReversed;
import com.leadledger.events.registration.RegistrationRevoked;
import com.leadledger.events.registration.RegistrationStatus;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The dispute events and their effects travel through the envelope unchanged, under their published names. */
class DisputeEventsTest {

    static final Instant AT = Instant.parse("2026-11-19T09:00:00.123456Z");
    static final DisputeAmounts AMOUNTS = new DisputeAmounts(Money.of("1000000.00", "RUB"),
            Money.of("820000.00", "RUB"), new BigDecimal("5.00"));

    private final EnvelopeCodec codec = new EnvelopeCodec();

    @Test
    void roundTripsEveryDisputeEventThroughTheEnvelope() {
        List<LeadLedgerEvent> events = List.of(
                new DisputeOpened("d-1", DisputeType.PRICE_DUMPING, "opp-1", "r-a", "P-A", "PARTNER", "undercut",
                        AMOUNTS, 1, AT, AT, 3),
                new DisputeEvidenceAdded("d-1", "e-1", "user-a", "P-A", "quote", null,
                        List.of(new EvidenceDocument("quote.pdf", "ab".repeat(32), null)), AT),
                new DisputeRespondentLinked("d-1", "P-B", "r-b", "opp-2", AT),
                new DisputeAssigned("d-1", "manager-2", 1, "manager-1", AT),
                new DisputeEscalated("d-1", 1, 2, null, true, AT, AT, 3, null),
                new DisputeRuled("d-1", "opp-1", 2, DisputeOutcome.DISMISSED, "no proof", null, false, 0, "P-B", "r-b",
                        "opp-2", true, new RulingEffects("r-a", true, 10), null, "director-1", "CHANNEL_DIRECTOR", AT,
                        3, null),
                new DisputeAppealed("d-1", "P-B", "unfair", 1, 2, AT, AT, 3),
                new RegistrationRevoked("opp-2", "r-b", "P-B", "d-1", AT, true, AT),
                new RegistrationRevocationReversed("opp-2", "r-b", "P-B", "d-1", RegistrationStatus.APPROVED, AT, AT),
                new PartnerPenalized("P-B", "d-1", 10, 13, AT),
                new PartnerPenaltyReversed("P-B", "d-1", 10, 3, AT));
        for (LeadLedgerEvent event : events) {
            var envelope = new EventEnvelope(EventEnvelope.CURRENT_SCHEMA, "evt", EventTypes.nameOf(event.getClass()),
                    "Dispute", "d-1", 0, 1, AT, Map.of(), codec.toTree(event));
            EventEnvelope decoded = codec.decode(codec.encode(envelope));
            assertThat(EventTypes.classFor(decoded.eventType())).contains(event.getClass());
            assertThat(codec.payload(decoded)).contains(event);
        }
    }

    @Test
    void carriesOnlyTheRulingsRecordedFieldsNotItsDerivedEffects() {
        var ruled = new DisputeRuled("d-1", "opp-1", 1, DisputeOutcome.UPHELD, "proven", "r-a", true, 10, "P-B", "r-b",
                "opp-2", false, null, AT, "manager-1", "CHANNEL_MANAGER", AT, 1, null);
        var tree = codec.toTree(ruled);
        assertThat(tree.has("effects")).isFalse();
        assertThat(tree.get("penaltyPoints").asInt()).isEqualTo(10);
        assertThat(ruled.effects()).isEqualTo(new RulingEffects("r-a", true, 10));
        assertThat(codec.toTree(RulingEffects.NONE).has("ordersNothing")).isFalse();
        assertThat(RulingEffects.NONE.ordersNothing()).isTrue();
    }
}
