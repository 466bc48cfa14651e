package com.leadledger.query.it;

import com.leadledger.events.common.Money;
import com.leadledger.events.envelope.EventEnvelope;
import com.leadledger.events.opportunity.SupportReason;
import com.leadledger.events.partner.PartnerTier;
import com.leadledger.events.registration.ExtensionRequested;
import com.leadledger.events.registration.RegistrationApproved;
import com.leadledger.events.registration.RegistrationSubmitted;
import com.leadledger.events.registration.RejectionReason;
import com.leadledger.query.EnvelopeSeal;
import com.leadledger.query.Fixtures;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Every event type of the read side, delivered again twice: no view, notice or history row changes. */
class ReplayIT extends QueryServiceITBase {

    static final String MANAGER = token("CHANNEL_MANAGER");

    @Test
    void replayingAllEventsTwiceChangesNothing() {
        String p1 = uniquePartner("r1");
        String p2 = uniquePartner("r2");
        String p3 = uniquePartner("r3");
        Fixtures.PartnerStream partner = new Fixtures.PartnerStream(p1);
        partner.onboard("Replay Partner", PartnerTier.GOLD, List.of("NETWORK_SECURITY"));
        partner.changeTier(PartnerTier.GOLD, PartnerTier.PLATINUM);
        partner.changeProductLines(List.of("NETWORK_SECURITY", "COLLABORATION"));
        partner.suspend("audit");
        partner.reinstate();

        Fixtures.OpportunityStream stream = new Fixtures.OpportunityStream("NETWORK_SECURITY");
        stream.opened();
        RegistrationSubmitted a = stream.submit(p1);
        stream.slaStarted(a, a.acceptedAt().plus(Duration.ofDays(2)));
        RegistrationSubmitted b = stream.submit(p2);
        stream.slaStarted(b, b.acceptedAt().plus(Duration.ofDays(2)));
        RegistrationSubmitted c = stream.submit(p3);
        stream.slaStarted(c, c.acceptedAt().plus(Duration.ofDays(2)));
        stream.escalate(c, 2, c.acceptedAt().plus(Duration.ofDays(4)));
        RegistrationApproved approvedA = stream.approve(a, "20", 120);
        stream.noticeEarlier(b, a);
        stream.noticeEarlier(c, a);
        stream.reject(c, RejectionReason.ALREADY_REGISTERED, null, a.acceptedAt());
        ExtensionRequested refused = stream.requestExtension(a, 30, "slow customer");
        stream.refuseExtension(refused);
        ExtensionRequested request = stream.requestExtension(a, 30, "slower customer");
        stream.grantExtension(request, approvedA.protectedUntil().plus(Duration.ofDays(30)));
        stream.grantSupport(a);
        stream.withdraw(a, "lost interest");
        stream.becameReviewable(b, b.acceptedAt().plus(Duration.ofDays(5)));
        stream.approve(b, "10", 90);
        stream.moveSupport(a, b, SupportReason.PARTNER_WITHDREW, null);
        stream.won(b, Money.of("990000.00", "RUB"));
        stream.withdrawSupport(b, null);
        Fixtures.OpportunityStream other = new Fixtures.OpportunityStream("DATA_CENTER");
        other.opened();
        RegistrationSubmitted d = other.submit(p1);
        RegistrationApproved approvedD = other.approve(d, "5", 60);
        other.expire(d, approvedD.protectedUntil());
        RegistrationSubmitted e = other.submit(p2);
        other.lost(e, "budget cut");

        publish(partner.envelopes());
        publish(stream.envelopes());
        publish(other.envelopes());
        awaitStored(partner.envelopes().get(partner.envelopes().size() - 1));
        awaitStored(stream.last());
        awaitStored(other.last());
        List<String> registrations = List.of(a.registrationId(), b.registrationId(), c.registrationId(),
                d.registrationId(), e.registrationId());
        Map<String, Object> before = snapshot(p1, List.of(stream.opportunityId(), other.opportunityId()),
                registrations, List.of(p1, p2, p3));
        assertThat(before.toString()).contains("WON", "EXPIRED", "REJECTED", "WITHDRAWN", "LOST",
                "EARLIER_REGISTRATION_EXISTS", "SUPPORT_MOVED_AWAY", "MOVED");

        for (int round = 0; round < 2; round++) {
            publish(partner.envelopes());
            publish(stream.envelopes());
            publish(other.envelopes());
        }
        List<EventEnvelope> sentinels = List.of(stream.unknown("ReplaySentinel"), other.unknown("ReplaySentinel"),
                sentinel(p1, partner.envelopes().size()));
        publish(sentinels);
        sentinels.forEach(this::awaitStored);

        assertThat(snapshot(p1, List.of(stream.opportunityId(), other.opportunityId()), registrations,
                List.of(p1, p2, p3))).isEqualTo(before);
        assertThat(count("SELECT count(*) FROM event_log WHERE aggregate_id IN (:ids)",
                List.of(p1, stream.opportunityId(), other.opportunityId())))
                .isEqualTo(partner.envelopes().size() + stream.envelopes().size() + other.envelopes().size() + 1);
    }

    /** Every row and every answer the events produced. */
    Map<String, Object> snapshot(String partnerId, List<String> opportunities, List<String> registrations,
                                 List<String> partners) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("registration_view", rows("SELECT * FROM registration_view WHERE registration_id IN (:ids) "
                + "ORDER BY registration_id", registrations));
        state.put("opportunity_view", rows("SELECT * FROM opportunity_view WHERE opportunity_id IN (:ids) "
                + "ORDER BY opportunity_id", opportunities));
        state.put("support_history", rows("SELECT * FROM support_history WHERE opportunity_id IN (:ids) "
                + "ORDER BY event_id", opportunities));
        state.put("notice", rows("SELECT * FROM notice WHERE registration_id IN (:ids) ORDER BY notice_id",
                registrations));
        state.put("partner_view", rows("SELECT partner_id, name, tier, array_to_string(product_lines, ',') AS lines, "
                + "status, webhook_url, onboarded_at, suspended_at, suspension_reason, penalty_points, updated_at, "
                + "last_event_id FROM partner_view WHERE partner_id IN (:ids)", List.of(partnerId)));
        for (String opportunity : opportunities) {
            state.put(opportunity, http.get("/api/v1/opportunities/" + opportunity, MANAGER).text());
        }
        for (String registration : registrations) {
            state.put(registration, http.get("/api/v1/registrations/" + registration, MANAGER).text());
        }
        for (String partner : partners) {
            state.put("notices of " + partner, http.get("/api/v1/notices", partnerToken(partner)).text());
        }
        state.put("partner", http.get("/api/v1/partners/" + partnerId, MANAGER).text());
        return state;
    }

    List<Map<String, Object>> rows(String sql, List<String> ids) {
        return new ArrayList<>(jdbc.sql(sql).param("ids", ids).query().listOfRows());
    }

    long count(String sql, List<String> ids) {
        return jdbc.sql(sql).param("ids", ids).query(Long.class).single();
    }

    static EventEnvelope sentinel(String partnerId, long sequence) {
        return EnvelopeSeal.sealed(new EventEnvelope(EventEnvelope.CURRENT_SCHEMA, UUID.randomUUID().toString(),
                "ReplaySentinel", "Partner", partnerId, sequence, 999, Fixtures.now(), Map.of("actorId", "system"),
                Fixtures.CODEC.mapper().createObjectNode().put("note", "sentinel")));
    }
}
