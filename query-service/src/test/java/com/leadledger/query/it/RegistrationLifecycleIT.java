package com.leadledger.query.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.leadledger.events.common.Money;
import com.leadledger.events.registration.ExtensionGranted;
import com.leadledger.events.registration.ExtensionRequested;
import com.leadledger.events.registration.RegistrationApproved;
import com.leadledger.events.registration.RegistrationLost;
import com.leadledger.events.registration.RegistrationRejected;
import com.leadledger.events.registration.RegistrationSubmitted;
import com.leadledger.events.registration.RejectionReason;
import com.leadledger.query.Fixtures;
import com.leadledger.localruntime.DevTokens;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Decisions, protection, extensions and outcomes over HTTP, and the notices they leave for the owner. */
class RegistrationLifecycleIT extends QueryServiceITBase {

    static final String MANAGER = token("CHANNEL_MANAGER");

    @Test
    void approvalProtectsTheRegistrationAndTheLaterPartnerGetsAnAnonymousNotice() {
        String earlierPartner = uniquePartner("early");
        String laterPartner = uniquePartner("late");
        Fixtures.OpportunityStream stream = new Fixtures.OpportunityStream("NETWORK_SECURITY");
        stream.opened();
        RegistrationSubmitted earlier = stream.submit(earlierPartner);
        stream.slaStarted(earlier, earlier.acceptedAt().plus(Duration.ofDays(2)));
        RegistrationSubmitted later = stream.submit(laterPartner);
        stream.slaStarted(later, later.acceptedAt().plus(Duration.ofDays(2)));
        RegistrationApproved approved = stream.approve(earlier, "15", 90);
        stream.noticeEarlier(later, earlier);
        publish(stream.envelopes());

        JsonNode own = awaitJson("/api/v1/registrations/" + earlier.registrationId(), partnerToken(earlierPartner),
                r -> r.get("status").asText().equals("APPROVED"));
        assertThat(own.get("discountPercent").decimalValue()).isEqualByComparingTo("15");
        assertThat(own.get("protectionDays").asInt()).isEqualTo(90);
        assertThat(Instant.parse(own.get("protectedUntil").asText())).isEqualTo(approved.protectedUntil());
        assertThat(Instant.parse(own.get("decidedAt").asText())).isEqualTo(approved.approvedAt());
        assertThat(own.get("supported").asBoolean()).isFalse();
        assertThat(own.get("extensionsGranted").asInt()).isZero();
        assertThat(own.get("pendingExtension").isNull()).isTrue();
        assertThat(own.get("rejection").isNull()).isTrue();
        assertThat(own.get("outcome").isNull()).isTrue();
        assertThat(own.has("position")).isFalse();
        assertThat(own.has("reviewLevel")).isFalse();
        assertThat(own.has("reviewDueAt")).isFalse();
        assertThat(own.has("lastDecisionBy")).as("who decided is for staff only").isFalse();
        assertThat(kinds(own.get("notices"))).containsExactly("REGISTRATION_APPROVED");
        assertThat(own.get("notices").get(0).get("message").asText())
                .isEqualTo("Your registration was approved: it is protected until " + approved.protectedUntil()
                        + ", with a deal discount of 15%.");

        JsonNode notices = awaitJson("/api/v1/notices", partnerToken(laterPartner),
                page -> page.get("total").asLong() == 1);
        JsonNode notice = notices.get("items").get(0);
        assertThat(notice.get("noticeId").asText()).isEqualTo(stream.last().eventId());
        assertThat(notice.get("registrationId").asText()).isEqualTo(later.registrationId());
        assertThat(notice.get("opportunityId").asText()).isEqualTo(stream.opportunityId());
        assertThat(notice.get("kind").asText()).isEqualTo("EARLIER_REGISTRATION_EXISTS");
        assertThat(notice.get("message").asText()).isEqualTo("An earlier registration by another partner exists for "
                + "this opportunity (registered at " + earlier.acceptedAt() + ").");
        assertThat(Instant.parse(notice.get("occurredAt").asText())).isAfter(approved.approvedAt());
        assertThat(notices.toString()).doesNotContain(earlierPartner).doesNotContain(earlier.registrationId());

        JsonNode laterView = http.get("/api/v1/registrations/" + later.registrationId(), partnerToken(laterPartner))
                .body();
        assertThat(laterView.get("status").asText()).isEqualTo("SUBMITTED");
        assertThat(laterView.get("notices")).hasSize(1);
        assertThat(laterView.get("notices").get(0)).isEqualTo(notice);
        assertThat(laterView.toString()).doesNotContain(earlierPartner).doesNotContain(earlier.registrationId());

        JsonNode staffLater = http.get("/api/v1/registrations/" + later.registrationId(), MANAGER).body();
        assertThat(staffLater.get("position").asInt()).isEqualTo(2);
        assertThat(staffLater.get("reviewLevel").asInt()).isEqualTo(1);
        assertThat(Instant.parse(staffLater.get("reviewDueAt").asText()))
                .isEqualTo(later.acceptedAt().plus(Duration.ofDays(2)));
        JsonNode staffEarlier = http.get("/api/v1/registrations/" + earlier.registrationId(), MANAGER).body();
        assertThat(staffEarlier.has("reviewLevel")).as("decided: no review clock").isFalse();
        assertThat(staffEarlier.get("lastDecisionBy").asText()).isEqualTo(Fixtures.STAFF_ACTOR);
        assertThat(staffLater.has("lastDecisionBy")).as("undecided").isFalse();

        JsonNode listed = http.get("/api/v1/registrations?status=APPROVED", partnerToken(earlierPartner)).body();
        assertThat(listed.get("items").get(0).has("notices")).as("lists do not carry notices").isFalse();
    }

    @Test
    void aRejectionTellsTheReasonAndOnlyWhenTheEarlierRegistrationWasFiled() {
        String first = uniquePartner("first");
        String second = uniquePartner("second");
        Fixtures.OpportunityStream stream = new Fixtures.OpportunityStream("DATA_CENTER");
        stream.opened();
        RegistrationSubmitted a = stream.submit(first);
        RegistrationSubmitted b = stream.submit(second);
        stream.approve(a, "10", 60);
        RegistrationRejected rejected = stream.reject(b, RejectionReason.ALREADY_REGISTERED,
                "registered later than another partner", a.acceptedAt());
        publish(stream.envelopes());

        JsonNode view = awaitJson("/api/v1/registrations/" + b.registrationId(), partnerToken(second),
                r -> r.get("status").asText().equals("REJECTED"));

        assertThat(view.get("rejection").get("reasonCode").asText()).isEqualTo("ALREADY_REGISTERED");
        assertThat(view.get("rejection").get("note").asText()).isEqualTo("registered later than another partner");
        assertThat(Instant.parse(view.get("rejection").get("earlierRegisteredAt").asText()))
                .isEqualTo(a.acceptedAt());
        assertThat(Instant.parse(view.get("decidedAt").asText())).isEqualTo(rejected.rejectedAt());
        assertThat(view.get("discountPercent").isNull()).isTrue();
        assertThat(view.get("protectedUntil").isNull()).isTrue();
        assertThat(kinds(view.get("notices"))).containsExactly("REGISTRATION_REJECTED");
        assertThat(view.get("notices").get(0).get("message").asText()).isEqualTo("Your registration was rejected "
                + "(reason: ALREADY_REGISTERED). An earlier registration by another partner exists for this "
                + "opportunity (registered at " + a.acceptedAt() + ").");
        assertThat(view.toString()).doesNotContain(first).doesNotContain(a.registrationId());
    }

    @Test
    void extensionsMoveProtectionUntilItExpiresAndTheOwnerIsToldEachStepNewestFirst() {
        String partner = uniquePartner("extending");
        Fixtures.OpportunityStream stream = new Fixtures.OpportunityStream("COLLABORATION");
        stream.opened();
        RegistrationSubmitted r = stream.submit(partner);
        RegistrationApproved approved = stream.approve(r, "5", 60);
        ExtensionRequested refusedRequest = stream.requestExtension(r, 30, "board meeting moved");
        stream.refuseExtension(refusedRequest);
        ExtensionRequested request = stream.requestExtension(r, 20, "customer asked for a pilot");
        publish(stream.envelopes());

        JsonNode pending = awaitJson("/api/v1/registrations/" + r.registrationId(), partnerToken(partner),
                v -> !v.get("pendingExtension").isNull()
                        && v.get("pendingExtension").get("extensionRequestId").asText()
                        .equals(request.extensionRequestId()));
        assertThat(pending.get("pendingExtension").get("days").asInt()).isEqualTo(20);
        assertThat(pending.get("pendingExtension").get("reason").asText()).isEqualTo("customer asked for a pilot");
        assertThat(Instant.parse(pending.get("pendingExtension").get("requestedAt").asText()))
                .isEqualTo(request.requestedAt());

        Instant extendedUntil = approved.protectedUntil().plus(Duration.ofDays(20));
        ExtensionGranted granted = stream.grantExtension(request, extendedUntil);
        stream.expire(r, extendedUntil);
        publish(stream.envelopes().subList(stream.envelopes().size() - 2, stream.envelopes().size()));

        JsonNode expired = awaitJson("/api/v1/registrations/" + r.registrationId(), partnerToken(partner),
                v -> v.get("status").asText().equals("EXPIRED"));
        assertThat(expired.get("extensionsGranted").asInt()).isEqualTo(1);
        assertThat(expired.get("pendingExtension").isNull()).isTrue();
        assertThat(Instant.parse(expired.get("protectedUntil").asText())).isEqualTo(extendedUntil);
        assertThat(expired.get("protectionDays").asInt()).isEqualTo(60);
        assertThat(kinds(expired.get("notices"))).containsExactly("PROTECTION_EXPIRED", "EXTENSION_GRANTED",
                "EXTENSION_REFUSED", "REGISTRATION_APPROVED");
        assertThat(expired.get("notices").get(0).get("message").asText())
                .isEqualTo("The protection of your registration ended at " + extendedUntil + ".");
        assertThat(expired.get("notices").get(1).get("message").asText()).isEqualTo("Your extension request was "
                + "granted: protection is extended by 20 days, until " + granted.protectedUntil() + ".");

        JsonNode firstPage = http.get("/api/v1/notices?size=2", partnerToken(partner)).body();
        JsonNode secondPage = http.get("/api/v1/notices?size=2&page=1", partnerToken(partner)).body();
        assertThat(firstPage.get("total").asLong()).isEqualTo(4);
        assertThat(firstPage.get("page").asInt()).isZero();
        assertThat(firstPage.get("size").asInt()).isEqualTo(2);
        assertThat(kinds(firstPage.get("items"))).containsExactly("PROTECTION_EXPIRED", "EXTENSION_GRANTED");
        assertThat(kinds(secondPage.get("items"))).containsExactly("EXTENSION_REFUSED", "REGISTRATION_APPROVED");
    }

    @Test
    void theOwnerReportsTheOutcome() {
        String partner = uniquePartner("closing");
        Fixtures.OpportunityStream won = new Fixtures.OpportunityStream("CLOUD_SERVICES");
        won.opened();
        RegistrationSubmitted w = won.submit(partner);
        won.approve(w, "7.5", 90);
        won.won(w, Money.of("1180000.50", "RUB"));
        Fixtures.OpportunityStream lost = new Fixtures.OpportunityStream("CLOUD_SERVICES");
        lost.opened();
        RegistrationSubmitted l = lost.submit(partner);
        lost.approve(l, "5", 90);
        RegistrationLost reported = lost.lost(l, "customer chose a competitor");
        publish(won.envelopes());
        publish(lost.envelopes());

        JsonNode wonView = awaitJson("/api/v1/registrations/" + w.registrationId(), partnerToken(partner),
                v -> v.get("status").asText().equals("WON"));
        JsonNode lostView = awaitJson("/api/v1/registrations/" + l.registrationId(), partnerToken(partner),
                v -> v.get("status").asText().equals("LOST"));

        assertThat(wonView.get("outcome").get("result").asText()).isEqualTo("WON");
        assertThat(wonView.get("outcome").get("finalValue").get("amount").asText()).isEqualTo("1180000.50");
        assertThat(wonView.get("outcome").get("finalValue").get("currency").asText()).isEqualTo("RUB");
        assertThat(wonView.get("outcome").get("reason").isNull()).isTrue();
        assertThat(wonView.get("discountPercent").decimalValue()).isEqualByComparingTo("7.5");
        assertThat(lostView.get("outcome").get("result").asText()).isEqualTo("LOST");
        assertThat(lostView.get("outcome").get("finalValue").isNull()).isTrue();
        assertThat(lostView.get("outcome").get("reason").asText()).isEqualTo("customer chose a competitor");
        assertThat(Instant.parse(lostView.get("outcome").get("reportedAt").asText())).isEqualTo(reported.reportedAt());
    }

    @Test
    void onlyPartnersReadNoticesAndOnlyTheirOwn() {
        assertThat(http.get("/api/v1/notices", MANAGER).status()).isEqualTo(403);
        assertThat(http.get("/api/v1/notices", token("AUDITOR")).status()).isEqualTo(403);
        assertThat(http.get("/api/v1/notices", token("ADMIN")).status()).isEqualTo(403);
        assertThat(http.get("/api/v1/notices", DevTokens.mint("someone", List.of("PARTNER"), null)).status())
                .isEqualTo(403);
        var none = http.get("/api/v1/notices", null);
        assertThat(none.status()).isEqualTo(401);
        assertThat(none.body().get("code").asText()).isEqualTo("UNAUTHENTICATED");

        JsonNode stranger = http.get("/api/v1/notices", partnerToken(uniquePartner("stranger"))).body();
        assertThat(stranger.get("total").asLong()).isZero();
        assertThat(stranger.get("items")).isEmpty();
        assertThat(http.get("/api/v1/notices?size=0", partnerToken(uniquePartner("x"))).status()).isEqualTo(400);
    }

    static List<String> kinds(JsonNode notices) {
        List<String> kinds = new ArrayList<>();
        notices.forEach(n -> kinds.add(n.get("kind").asText()));
        return kinds;
    }
}
