package com.leadledger.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.leadledger.testsupport.HttpApi;
import com.leadledger.testsupport.Inns;
import org.junit.jupiter.api.Test;

import static com.leadledger.e2e.LeadLedgerSystem.partnerToken;
import static com.leadledger.e2e.StorySteps.MANAGER;
import static com.leadledger.e2e.StorySteps.MANAGER_SUBJECT;
import static com.leadledger.e2e.StorySteps.awaitNotices;
import static com.leadledger.e2e.StorySteps.invisibleTo;
import static com.leadledger.e2e.StorySteps.kindsOf;
import static com.leadledger.e2e.StorySteps.ok;
import static com.leadledger.e2e.StorySteps.onboardPartner;
import static com.leadledger.e2e.StorySteps.post;
import static com.leadledger.e2e.StorySteps.refused;
import static com.leadledger.e2e.StorySteps.registration;
import static com.leadledger.e2e.StorySteps.status;
import static com.leadledger.e2e.StorySteps.submitted;
import static com.leadledger.e2e.StorySteps.system;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Staff withdraw the vendor's support from a registration, through both services: while it is protected only for a
 * reason that holds (the customer's written preference, recorded first), and once its owner withdrew it for that.
 * The partner that loses support is told, with the reason; the competing partner is told nothing.
 */
class SupportWithdrawalStoriesIT {

    static final String LETTER = "5e".repeat(32);

    @Test
    void supportIsWithdrawnOnlyForAReasonThatHoldsAndOnlyTheSupportedPartnerIsTold() {
        String owner = onboardPartner("GOLD", "DATA_CENTER");
        String competitor = onboardPartner("SILVER", "DATA_CENTER");
        String inn = Inns.random();
        HttpApi.Answer accepted = submitted(owner, inn, "DATA_CENTER");
        String reg = accepted.text("registrationId");
        String opp = accepted.text("opportunityId");
        String competing = submitted(competitor, inn, "DATA_CENTER").text("registrationId");
        ok("/api/v1/registrations/" + reg + "/approve", MANAGER, "{\"discountPercent\": 15}");
        ok("/api/v1/opportunities/" + opp + "/support", MANAGER,
                "{\"action\": \"GRANT\", \"registrationId\": \"" + reg + "\"}");
        assertThat(registration(reg, partnerToken(owner), v -> v.path("supported").asBoolean()).get("notices")
                .get(0).get("kind").asText()).isEqualTo("SUPPORT_GRANTED");

        // the registration is protected: no reason, or one that does not hold, is refused; partners may not ask
        String support = "/api/v1/opportunities/" + opp + "/support";
        refused(post(support, MANAGER, "{\"action\": \"WITHDRAW\"}"), 409, "SUPPORT_SWITCH_NOT_ALLOWED");
        refused(post(support, MANAGER, "{\"action\": \"WITHDRAW\", \"reasonCode\": \"PROTECTION_EXPIRED\"}"), 409,
                "SUPPORT_SWITCH_NOT_ALLOWED");
        refused(post(support, MANAGER, "{\"action\": \"WITHDRAW\", \"reasonCode\": \"PARTNER_WITHDREW\"}"), 409,
                "SUPPORT_SWITCH_NOT_ALLOWED");
        refused(post(support, MANAGER, """
                {"action": "WITHDRAW", "reasonCode": "CUSTOMER_WRITTEN_PREFERENCE", "evidenceSha256": "%s"}"""
                .formatted(LETTER)), 409, "EVIDENCE_NOT_RECORDED");
        refused(post(support, partnerToken(owner), "{\"action\": \"WITHDRAW\"}"), 403, "FORBIDDEN");

        // the customer's letter is recorded first; then the withdrawal citing it is accepted
        assertThat(post(support + "/evidence", MANAGER, """
                {"sha256": "%s", "name": "customer letter: no vendor presales"}""".formatted(LETTER)).status())
                .isEqualTo(201);
        HttpApi.Answer withdrawn = ok(support, MANAGER, """
                {"action": "WITHDRAW", "reasonCode": "CUSTOMER_WRITTEN_PREFERENCE", "evidenceSha256": "%s",
                 "note": "the customer buys without presales"}""".formatted(LETTER.toUpperCase()));
        assertThat(withdrawn.text("opportunityId")).isEqualTo(opp);
        assertThat(withdrawn.text("action")).isEqualTo("WITHDRAW");
        assertThat(withdrawn.body().get("supportedRegistrationId").isNull()).isTrue();
        refused(post(support, MANAGER, "{\"action\": \"WITHDRAW\", \"reasonCode\": \"PROTECTION_EXPIRED\"}"), 409,
                "NO_SUPPORT");

        JsonNode opportunity = system.awaitQuery("/api/v1/opportunities/" + opp, MANAGER,
                o -> o.get("supportHistory").size() == 3);
        assertThat(opportunity.get("supportedRegistrationId").isNull()).isTrue();
        assertThat(opportunity.get("supportHistory").findValuesAsText("action"))
                .containsExactly("GRANTED", "EVIDENCE_RECORDED", "WITHDRAWN");
        JsonNode entry = opportunity.get("supportHistory").get(2);
        assertThat(entry.get("fromRegistrationId").asText()).isEqualTo(reg);
        assertThat(entry.get("fromPartnerId").asText()).isEqualTo(owner);
        assertThat(entry.get("toRegistrationId").isNull()).isTrue();
        assertThat(entry.get("reasonCode").asText()).isEqualTo("CUSTOMER_WRITTEN_PREFERENCE");
        assertThat(entry.get("evidenceSha256").asText()).isEqualTo(LETTER);
        assertThat(entry.get("note").asText()).isEqualTo("the customer buys without presales");
        assertThat(entry.get("actorId").asText()).isEqualTo(MANAGER_SUBJECT);
        assertThat(opportunity.get("ranking").findValuesAsText("supported")).containsExactly("false", "false");

        // the owner: still approved and protected, no longer supported, told why
        JsonNode view = registration(reg, partnerToken(owner), v -> !v.path("supported").asBoolean());
        assertThat(view.get("status").asText()).isEqualTo("APPROVED");
        assertThat(kindsOf(view.get("notices")))
                .containsExactly("SUPPORT_WITHDRAWN", "SUPPORT_GRANTED", "REGISTRATION_APPROVED");
        assertThat(view.at("/notices/0/message").asText())
                .isEqualTo("Vendor support for your registration was withdrawn (reason: CUSTOMER_WRITTEN_PREFERENCE).");

        // support is granted again; the owner withdraws its registration, and support leaves it for that reason
        ok(support, MANAGER, "{\"action\": \"GRANT\", \"registrationId\": \"" + reg + "\"}");
        ok("/api/v1/registrations/" + reg + "/withdraw", partnerToken(owner), "{\"reason\": \"customer postponed\"}");
        JsonNode withdrawnView = registration(reg, partnerToken(owner), status("WITHDRAWN"));
        assertThat(withdrawnView.get("supported").asBoolean()).as("support stays until staff move it").isTrue();
        ok(support, MANAGER, "{\"action\": \"WITHDRAW\", \"reasonCode\": \"PARTNER_WITHDREW\"}");
        JsonNode afterWithdrawal = registration(reg, partnerToken(owner), v -> !v.path("supported").asBoolean());
        assertThat(kindsOf(afterWithdrawal.get("notices"))).containsExactly("SUPPORT_WITHDRAWN", "SUPPORT_GRANTED",
                "SUPPORT_WITHDRAWN", "SUPPORT_GRANTED", "REGISTRATION_APPROVED");
        assertThat(afterWithdrawal.at("/notices/0/message").asText())
                .isEqualTo("Vendor support for your registration was withdrawn (reason: PARTNER_WITHDREW).");
        assertThat(system.awaitQuery("/api/v1/opportunities/" + opp, MANAGER,
                o -> o.get("supportHistory").size() == 5).get("supportHistory").findValuesAsText("action"))
                .containsExactly("GRANTED", "EVIDENCE_RECORDED", "WITHDRAWN", "GRANTED", "WITHDRAWN");

        // the competitor was never supported and is told only that an earlier registration exists
        assertThat(kindsOf(awaitNotices(competitor, 1))).containsExactly("EARLIER_REGISTRATION_EXISTS");
        JsonNode competingView = registration(competing, partnerToken(competitor), v -> true);
        assertThat(competingView.get("supported").asBoolean()).isFalse();
        assertThat(competingView.toString()).doesNotContain(LETTER, owner, reg);
        invisibleTo(competitor, reg);
        assertThat(awaitNotices(owner, 5).toString()).doesNotContain(competitor, competing);
    }
}
