package com.leadledger.query.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.leadledger.events.opportunity.SupportGranted;
import com.leadledger.events.opportunity.SupportMoved;
import com.leadledger.events.opportunity.SupportReason;
import com.leadledger.events.registration.RegistrationApproved;
import com.leadledger.events.registration.RegistrationSubmitted;
import com.leadledger.query.Fixtures;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static com.leadledger.query.it.RegistrationLifecycleIT.kinds;
import static org.assertj.core.api.Assertions.assertThat;

/** Vendor support: the opportunity's supported registration and history, the flags, and the partners' notices. */
class SupportIT extends QueryServiceITBase {

    static final String MANAGER = token("CHANNEL_MANAGER");
    static final String EVIDENCE = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

    @Test
    void grantingThenMovingSupportShowsInTheHistoryAndTellsTheLoserAnonymously() {
        String loser = uniquePartner("loser");
        String winner = uniquePartner("winner");
        Fixtures.OpportunityStream stream = new Fixtures.OpportunityStream("NETWORK_SECURITY");
        stream.opened();
        RegistrationSubmitted a = stream.submit(loser);
        RegistrationSubmitted b = stream.submit(winner);
        RegistrationApproved approvedA = stream.approve(a, "10", 90);
        RegistrationApproved approvedB = stream.approve(b, "10", 90);
        SupportGranted granted = stream.grantSupport(a);
        SupportMoved moved = stream.moveSupport(a, b, SupportReason.CUSTOMER_WRITTEN_PREFERENCE, EVIDENCE);
        publish(stream.envelopes());
        String path = "/api/v1/opportunities/" + stream.opportunityId();

        JsonNode opportunity = awaitJson(path, MANAGER, o -> o.get("supportHistory").size() == 2
                && o.get("supportedRegistrationId").asText().equals(b.registrationId()));

        JsonNode grant = opportunity.get("supportHistory").get(0);
        assertThat(grant.get("action").asText()).isEqualTo("GRANTED");
        assertThat(grant.get("fromRegistrationId").isNull()).isTrue();
        assertThat(grant.get("fromPartnerId").isNull()).isTrue();
        assertThat(grant.get("toRegistrationId").asText()).isEqualTo(a.registrationId());
        assertThat(grant.get("toPartnerId").asText()).isEqualTo(loser);
        assertThat(grant.get("note").asText()).isEqualTo("backing it");
        assertThat(Instant.parse(grant.get("at").asText())).isEqualTo(granted.grantedAt());
        assertThat(grant.get("actorId").asText()).isEqualTo(Fixtures.STAFF_ACTOR);
        JsonNode move = opportunity.get("supportHistory").get(1);
        assertThat(move.get("action").asText()).isEqualTo("MOVED");
        assertThat(move.get("fromRegistrationId").asText()).isEqualTo(a.registrationId());
        assertThat(move.get("toRegistrationId").asText()).isEqualTo(b.registrationId());
        assertThat(move.get("fromPartnerId").asText()).isEqualTo(loser);
        assertThat(move.get("toPartnerId").asText()).isEqualTo(winner);
        assertThat(move.get("reasonCode").asText()).isEqualTo("CUSTOMER_WRITTEN_PREFERENCE");
        assertThat(move.get("rulingDisputeId").isNull()).isTrue();
        assertThat(move.get("evidenceSha256").asText()).isEqualTo(EVIDENCE);
        assertThat(move.get("note").asText()).isEqualTo("customer letter");
        assertThat(Instant.parse(move.get("at").asText())).isEqualTo(moved.movedAt());
        assertThat(move.get("actorId").asText()).isEqualTo(Fixtures.STAFF_ACTOR);
        assertThat(move.get("eventId").asText()).isEqualTo(stream.last().eventId());
        assertThat(move.has("opportunityId")).isFalse();

        JsonNode first = opportunity.get("ranking").get(0);
        JsonNode second = opportunity.get("ranking").get(1);
        assertThat(first.get("registrationId").asText()).isEqualTo(a.registrationId());
        assertThat(first.get("status").asText()).isEqualTo("APPROVED");
        assertThat(Instant.parse(first.get("protectedUntil").asText())).isEqualTo(approvedA.protectedUntil());
        assertThat(first.get("supported").asBoolean()).isFalse();
        assertThat(Instant.parse(second.get("protectedUntil").asText())).isEqualTo(approvedB.protectedUntil());
        assertThat(second.get("supported").asBoolean()).isTrue();

        JsonNode loserView = http.get("/api/v1/registrations/" + a.registrationId(), partnerToken(loser)).body();
        assertThat(loserView.get("supported").asBoolean()).isFalse();
        assertThat(kinds(loserView.get("notices"))).containsExactly("SUPPORT_MOVED_AWAY", "SUPPORT_GRANTED",
                "REGISTRATION_APPROVED");
        JsonNode lostNotice = loserView.get("notices").get(0);
        assertThat(lostNotice.get("noticeId").asText()).isEqualTo(stream.last().eventId() + ":from");
        assertThat(lostNotice.get("message").asText()).isEqualTo("Vendor support for your registration was moved to "
                + "another registration (reason: CUSTOMER_WRITTEN_PREFERENCE). You may open a SUPPORT_OVERRIDE "
                + "dispute.");
        JsonNode loserNotices = http.get("/api/v1/notices", partnerToken(loser)).body();
        assertThat(loserNotices.get("items").get(0)).isEqualTo(lostNotice);
        assertThat(loserView.toString() + loserNotices).doesNotContain(winner).doesNotContain(b.registrationId());

        JsonNode winnerView = http.get("/api/v1/registrations/" + b.registrationId(), partnerToken(winner)).body();
        assertThat(winnerView.get("supported").asBoolean()).isTrue();
        assertThat(winnerView.get("notices").get(0).get("kind").asText()).isEqualTo("SUPPORT_GRANTED");
        assertThat(winnerView.get("notices").get(0).get("noticeId").asText())
                .isEqualTo(stream.last().eventId() + ":to");
        assertThat(winnerView.toString()).doesNotContain(loser).doesNotContain(a.registrationId());
    }

    @Test
    void withdrawingSupportClearsItAndTellsThePartnerLosingIt() {
        String partner = uniquePartner("backed");
        Fixtures.OpportunityStream stream = new Fixtures.OpportunityStream("DATA_CENTER");
        stream.opened();
        RegistrationSubmitted r = stream.submit(partner);
        stream.approve(r, "10", 90);
        stream.grantSupport(r);
        publish(stream.envelopes());
        String path = "/api/v1/opportunities/" + stream.opportunityId();
        awaitJson(path, MANAGER, o -> r.registrationId().equals(o.get("supportedRegistrationId").asText()));
        assertThat(http.get("/api/v1/registrations/" + r.registrationId(), partnerToken(partner)).body()
                .get("supported").asBoolean()).isTrue();

        stream.withdrawSupport(r, SupportReason.PROTECTION_EXPIRED);
        publish(stream.last());

        JsonNode opportunity = awaitJson(path, MANAGER, o -> o.get("supportHistory").size() == 2);
        assertThat(opportunity.get("supportedRegistrationId").isNull()).isTrue();
        JsonNode withdrawal = opportunity.get("supportHistory").get(1);
        assertThat(withdrawal.get("action").asText()).isEqualTo("WITHDRAWN");
        assertThat(withdrawal.get("fromRegistrationId").asText()).isEqualTo(r.registrationId());
        assertThat(withdrawal.get("toRegistrationId").isNull()).isTrue();
        assertThat(withdrawal.get("reasonCode").asText()).isEqualTo("PROTECTION_EXPIRED");
        assertThat(opportunity.get("ranking").get(0).get("supported").asBoolean()).isFalse();
        JsonNode view = http.get("/api/v1/registrations/" + r.registrationId(), partnerToken(partner)).body();
        assertThat(view.get("supported").asBoolean()).isFalse();
        assertThat(view.get("notices").get(0).get("kind").asText()).isEqualTo("SUPPORT_WITHDRAWN");
        assertThat(view.get("notices").get(0).get("message").asText())
                .isEqualTo("Vendor support for your registration was withdrawn (reason: PROTECTION_EXPIRED).");
    }
}
