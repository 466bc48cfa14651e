package com.leadledger.query.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.leadledger.events.dispute.DisputeOpened;
import com.leadledger.events.dispute.DisputeOutcome;
import com.leadledger.events.dispute.DisputeRuled;
import com.leadledger.events.dispute.DisputeType;
import com.leadledger.events.envelope.EventEnvelope;
import com.leadledger.events.registration.RegistrationSubmitted;
import com.leadledger.query.Fixtures;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Auditors' point-in-time views: a story with decisions at known instants, then the opportunity, a registration and
 * a dispute as of each instant, the context of each decision, and a partner's timeline — all rebuilt from event_log.
 */
class PointInTimeIT extends QueryServiceITBase {

    static final String AUDITOR = token("AUDITOR");

    @Test
    void theStateAsOfEachInstantIsExactlyWhatItWasAndEachDecisionShowsWhatTheDeciderSaw() {
        String a = uniquePartner("first");
        String b = uniquePartner("second");
        Fixtures.OpportunityStream stream = new Fixtures.OpportunityStream("NETWORK_SECURITY");
        EventEnvelope opened = stream.opened();
        RegistrationSubmitted ra = stream.submit(a);
        RegistrationSubmitted rb = stream.submit(b);
        Instant bothSubmitted = stream.last().timestamp();
        stream.approve(ra, "10", 90);
        Instant approved = stream.last().timestamp();
        stream.grantSupport(ra);
        Instant supported = stream.last().timestamp();
        Fixtures.DisputeStream dispute = new Fixtures.DisputeStream();
        String id = dispute.disputeId();
        dispute.add(new DisputeOpened(id, DisputeType.DUPLICATE_CLAIM, stream.opportunityId(), rb.registrationId(), b,
                "PARTNER", "we were first", null, 1, Instant.parse("2031-01-01T00:00:00Z"), dispute.at(), 1),
                "user-of-" + b, "PARTNER", b);
        Instant disputeOpened = dispute.last().timestamp();
        dispute.add(new DisputeRuled(id, stream.opportunityId(), 1, DisputeOutcome.DISMISSED, "acceptance order",
                null, false, 0, null, null, null, false, null, Instant.parse("2031-01-11T00:00:00Z"), "manager-1",
                "CHANNEL_MANAGER", dispute.at(), 1, null), "manager-1", "CHANNEL_MANAGER", null);
        Instant ruled = dispute.last().timestamp();
        List<EventEnvelope> all = new ArrayList<>(stream.envelopes());
        all.addAll(dispute.envelopes());
        publish(all);
        all.forEach(this::awaitStored);
        eventually().until(() -> http.get("/api/v1/disputes/" + id, AUDITOR).status() == 200);
        String opportunity = "/api/v1/audit/opportunities/" + stream.opportunityId();

        assertThat(http.get(opportunity + "?asOf=" + opened.timestamp().minusMillis(1), AUDITOR).status())
                .isEqualTo(404);
        JsonNode atSubmission = http.get(opportunity + "?asOf=" + bothSubmitted, AUDITOR).body();
        assertThat(atSubmission.get("ranking").findValuesAsText("status")).containsExactly("SUBMITTED", "SUBMITTED");
        assertThat(atSubmission.get("ranking").findValuesAsText("partnerId")).containsExactly(a, b);
        assertThat(atSubmission.get("supportedRegistrationId").isNull()).isTrue();
        JsonNode atApproval = http.get(opportunity + "?asOf=" + approved, AUDITOR).body();
        assertThat(atApproval.get("ranking").findValuesAsText("status")).containsExactly("APPROVED", "SUBMITTED");
        assertThat(atApproval.get("supportedRegistrationId").isNull()).isTrue();
        JsonNode atDispute = http.get(opportunity + "?asOf=" + disputeOpened, AUDITOR).body();
        assertThat(atDispute.get("supportedRegistrationId").asText()).isEqualTo(ra.registrationId());
        assertThat(atDispute.get("openDisputes").findValuesAsText("disputeId")).containsExactly(id);
        JsonNode afterRuling = http.get(opportunity + "?asOf=" + ruled, AUDITOR).body();
        assertThat(afterRuling.get("openDisputes")).isEmpty();
        assertThat(http.get(opportunity, AUDITOR).body().get("ranking")).isEqualTo(afterRuling.get("ranking"));

        String registration = "/api/v1/audit/registrations/" + ra.registrationId();
        assertThat(http.get(registration + "?asOf=" + bothSubmitted, AUDITOR).body().get("status").asText())
                .isEqualTo("SUBMITTED");
        assertThat(http.get(registration + "?asOf=" + approved, AUDITOR).body().get("status").asText())
                .isEqualTo("APPROVED");
        assertThat(http.get(registration + "?asOf=" + supported, AUDITOR).body().get("supported").asBoolean())
                .isTrue();
        assertThat(http.get("/api/v1/audit/disputes/" + id + "?asOf=" + disputeOpened, AUDITOR).body()
                .get("status").asText()).isEqualTo("OPEN");
        assertThat(http.get("/api/v1/audit/disputes/" + id + "?asOf=" + ruled, AUDITOR).body()
                .get("status").asText()).isEqualTo("CLOSED");
        assertThat(http.get("/api/v1/audit/disputes/" + id + "?asOf=" + opened.timestamp(), AUDITOR).status())
                .isEqualTo(404);

        JsonNode decisions = http.get(opportunity + "/decisions", AUDITOR).body();
        assertThat(decisions.findValuesAsText("eventType"))
                .containsExactly("RegistrationApproved", "SupportGranted", "DisputeRuled");
        JsonNode approval = decisions.get(0);
        assertThat(approval.get("actorRole").asText()).isEqualTo("CHANNEL_MANAGER");
        assertThat(approval.get("policyVersion").asLong()).isEqualTo(1);
        assertThat(approval.get("registrationId").asText()).isEqualTo(ra.registrationId());
        assertThat(approval.get("before").get("ranking").findValuesAsText("status"))
                .containsExactly("SUBMITTED", "SUBMITTED");
        assertThat(decisions.get(1).get("before").get("ranking").findValuesAsText("status"))
                .containsExactly("APPROVED", "SUBMITTED");
        JsonNode ruling = decisions.get(2);
        assertThat(ruling.get("disputeId").asText()).isEqualTo(id);
        assertThat(ruling.get("before").get("openDisputes").findValuesAsText("disputeId")).containsExactly(id);
        assertThat(ruling.get("before").get("supportedRegistrationId").asText()).isEqualTo(ra.registrationId());

        JsonNode timelineB = http.get("/api/v1/audit/partners/" + b + "/timeline", AUDITOR).body();
        assertThat(timelineB.findValuesAsText("eventType")).containsExactly("RegistrationSubmitted", "DisputeOpened");
        JsonNode timelineA = http.get("/api/v1/audit/partners/" + a + "/timeline", AUDITOR).body();
        assertThat(timelineA.findValuesAsText("eventType"))
                .containsExactly("RegistrationSubmitted", "RegistrationApproved", "SupportGranted");
        assertThat(timelineA.get("total").asLong()).isEqualTo(3);
    }

    @Test
    void onlyAuditorsReadThePastAndABadInstantIsAProblemNamingTheField() {
        assertThat(http.get("/api/v1/audit/opportunities/x", token("CHANNEL_MANAGER")).status()).isEqualTo(403);
        assertThat(http.get("/api/v1/audit/partners/x/timeline", partnerToken("x")).status()).isEqualTo(403);
        Http.Response bad = http.get("/api/v1/audit/opportunities/x?asOf=yesterday", AUDITOR);
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body().get("errors").get(0).get("field").asText()).isEqualTo("asOf");
        assertThat(http.get("/api/v1/audit/opportunities/no-such/decisions", AUDITOR).status()).isEqualTo(404);
    }
}
