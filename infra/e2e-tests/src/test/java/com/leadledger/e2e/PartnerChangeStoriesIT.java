package com.leadledger.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.leadledger.testsupport.HttpApi;
import com.leadledger.testsupport.Inns;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;

import static com.leadledger.e2e.LeadLedgerSystem.partnerToken;
import static com.leadledger.e2e.StorySteps.ADMIN;
import static com.leadledger.e2e.StorySteps.MANAGER;
import static com.leadledger.e2e.StorySteps.awaitNotices;
import static com.leadledger.e2e.StorySteps.instant;
import static com.leadledger.e2e.StorySteps.invisibleTo;
import static com.leadledger.e2e.StorySteps.ok;
import static com.leadledger.e2e.StorySteps.onboardPartner;
import static com.leadledger.e2e.StorySteps.post;
import static com.leadledger.e2e.StorySteps.refused;
import static com.leadledger.e2e.StorySteps.refusedField;
import static com.leadledger.e2e.StorySteps.registration;
import static com.leadledger.e2e.StorySteps.status;
import static com.leadledger.e2e.StorySteps.submit;
import static com.leadledger.e2e.StorySteps.submitted;
import static com.leadledger.e2e.StorySteps.system;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An admin changes a partner's tier or product lines, through both services: the tier sets the caps of the next review
 * (default protection days and maximum discount: REGISTERED 60/5 %, SILVER 90/10 %, PLATINUM 120/20 % in the default
 * policy) and leaves earlier approvals as they were; the product lines decide which submissions are accepted.
 */
class PartnerChangeStoriesIT {

    @Test
    void aTierChangeSetsTheCapsOfTheNextReviewAndLeavesEarlierApprovalsAlone() {
        String partner = onboardPartner("SILVER", "NETWORK_SECURITY");
        String first = submitted(partner, Inns.random(), "NETWORK_SECURITY").text("registrationId");
        refusedField(post("/api/v1/registrations/" + first + "/approve", MANAGER, "{\"discountPercent\": 10.01}"),
                "discountPercent", "DISCOUNT_ABOVE_TIER_MAXIMUM");
        refusedField(post("/api/v1/registrations/" + first + "/approve", MANAGER,
                "{\"discountPercent\": 10, \"protectionDays\": 91}"), "protectionDays", "PROTECTION_ABOVE_TIER");
        assertApprovedWithTheTiersDefaultDays(partner, first, "10", 90);

        // partners may not change tiers; an admin may, once per actual change
        refused(post("/api/v1/partners/" + partner + "/tier", partnerToken(partner), "{\"tier\": \"PLATINUM\"}"),
                403, "FORBIDDEN");
        HttpApi.Answer changed = ok("/api/v1/partners/" + partner + "/tier", ADMIN, "{\"tier\": \"PLATINUM\"}");
        assertThat(changed.text("partnerId")).isEqualTo(partner);
        assertThat(changed.text("change")).isEqualTo("TIER_CHANGED");
        refused(post("/api/v1/partners/" + partner + "/tier", ADMIN, "{\"tier\": \"PLATINUM\"}"), 409, "NO_CHANGE");
        assertThat(system.awaitQuery("/api/v1/partners/" + partner, MANAGER,
                p -> "PLATINUM".equals(p.path("tier").asText())).get("tier").asText()).isEqualTo("PLATINUM");

        String second = submitted(partner, Inns.random(), "NETWORK_SECURITY").text("registrationId");
        refusedField(post("/api/v1/registrations/" + second + "/approve", MANAGER, "{\"discountPercent\": 20.01}"),
                "discountPercent", "DISCOUNT_ABOVE_TIER_MAXIMUM");
        refusedField(post("/api/v1/registrations/" + second + "/approve", MANAGER,
                "{\"discountPercent\": 20, \"protectionDays\": 121}"), "protectionDays", "PROTECTION_ABOVE_TIER");
        assertApprovedWithTheTiersDefaultDays(partner, second, "20", 120);

        ok("/api/v1/partners/" + partner + "/tier", ADMIN, "{\"tier\": \"REGISTERED\"}");
        String third = submitted(partner, Inns.random(), "NETWORK_SECURITY").text("registrationId");
        refusedField(post("/api/v1/registrations/" + third + "/approve", MANAGER, "{\"discountPercent\": 5.01}"),
                "discountPercent", "DISCOUNT_ABOVE_TIER_MAXIMUM");
        assertApprovedWithTheTiersDefaultDays(partner, third, "5", 60);

        // earlier approvals keep the terms of their tier
        JsonNode firstView = registration(first, partnerToken(partner), v -> true);
        assertThat(firstView.get("protectionDays").asInt()).isEqualTo(90);
        assertThat(firstView.get("discountPercent").decimalValue()).isEqualByComparingTo("10");
        assertThat(registration(second, partnerToken(partner), v -> true).get("protectionDays").asInt())
                .isEqualTo(120);

        // the partner is told of its own approvals only; it reads its own partner record and no other, nor does
        // anyone else see its registrations
        JsonNode notices = awaitNotices(partner, 3);
        assertThat(notices.findValuesAsText("kind")).containsOnly("REGISTRATION_APPROVED");
        assertThat(notices.findValuesAsText("registrationId")).containsExactly(third, second, first);
        refused(system.queryApi.get("/api/v1/partners", partnerToken(partner)), 403, "FORBIDDEN");
        String other = onboardPartner("GOLD", "NETWORK_SECURITY");
        assertThat(system.awaitQuery("/api/v1/partners/" + partner, partnerToken(partner), view -> true)
                .get("partnerId").asText()).isEqualTo(partner);
        refused(system.queryApi.get("/api/v1/partners/" + other, partnerToken(partner)), 404, "NOT_FOUND");
        invisibleTo(other, first);
        invisibleTo(other, second);
        assertThat(awaitNotices(other, 0)).isEmpty();
    }

    @Test
    void aProductLineChangeDecidesWhichSubmissionsAreAccepted() throws Exception {
        String partner = onboardPartner("GOLD", "DATA_CENTER");
        refused(submit(partner, Inns.random(), "COLLABORATION"), 403, "PRODUCT_LINE_NOT_AUTHORIZED");
        String dataCenter = submitted(partner, Inns.random(), "DATA_CENTER").text("registrationId");

        HttpApi.Answer widened = ok("/api/v1/partners/" + partner + "/product-lines", ADMIN,
                "{\"productLines\": [\"DATA_CENTER\", \"COLLABORATION\"]}");
        assertThat(widened.text("change")).isEqualTo("PRODUCT_LINES_CHANGED");
        String collaboration = submitted(partner, Inns.random(), "COLLABORATION").text("registrationId");
        refused(submit(partner, Inns.random(), "CLOUD_SERVICES"), 403, "PRODUCT_LINE_NOT_AUTHORIZED");

        refusedField(post("/api/v1/partners/" + partner + "/product-lines", ADMIN,
                "{\"productLines\": [\"QUANTUM_COMPUTING\"]}"), "productLines", "PRODUCT_LINE_UNKNOWN");
        refused(post("/api/v1/partners/" + partner + "/product-lines", ADMIN,
                "{\"productLines\": [\"COLLABORATION\", \"DATA_CENTER\"]}"), 409, "NO_CHANGE");
        refused(post("/api/v1/partners/" + partner + "/product-lines", partnerToken(partner),
                "{\"productLines\": [\"CLOUD_SERVICES\"]}"), 403, "FORBIDDEN");
        ok("/api/v1/partners/" + partner + "/product-lines", ADMIN, "{\"productLines\": [\"COLLABORATION\"]}");
        refused(submit(partner, Inns.random(), "DATA_CENTER"), 403, "PRODUCT_LINE_NOT_AUTHORIZED");
        String collaborationAgain = submitted(partner, Inns.random(), "COLLABORATION").text("registrationId");

        JsonNode record = system.awaitQuery("/api/v1/partners/" + partner, MANAGER,
                p -> p.get("productLines").size() == 1);
        assertThat(record.get("productLines").toString()).isEqualTo("[\"COLLABORATION\"]");

        // the registration of the line it lost stays as it was; the refused ones recorded nothing
        assertThat(registration(dataCenter, partnerToken(partner), status("SUBMITTED")).get("productLine").asText())
                .isEqualTo("DATA_CENTER");
        JsonNode own = system.awaitQuery("/api/v1/registrations?size=200", partnerToken(partner),
                page -> page.get("total").asInt() == 3);
        assertThat(own.get("items").findValuesAsText("registrationId"))
                .containsExactlyInAnyOrder(dataCenter, collaboration, collaborationAgain);
        assertThat(submissionsStoredFor(partner)).isEqualTo(3);
        assertThat(awaitNotices(partner, 0)).isEmpty();
        String other = onboardPartner("SILVER", "COLLABORATION", "DATA_CENTER");
        invisibleTo(other, dataCenter);
        invisibleTo(other, collaboration);
    }

    /** Approves with the tier's maximum discount and no days: protection runs the tier's default days from then. */
    private static void assertApprovedWithTheTiersDefaultDays(String partner, String registrationId, String discount,
                                                              int days) {
        HttpApi.Answer approved = ok("/api/v1/registrations/" + registrationId + "/approve", MANAGER,
                "{\"discountPercent\": " + discount + "}");
        JsonNode view = registration(registrationId, partnerToken(partner), status("APPROVED"));
        Instant decidedAt = instant(view.get("decidedAt"));
        assertThat(view.get("protectionDays").asInt()).isEqualTo(days);
        assertThat(view.get("discountPercent").decimalValue()).isEqualByComparingTo(discount);
        assertThat(instant(view.get("protectedUntil"))).isEqualTo(decidedAt.plus(Duration.ofDays(days)))
                .isEqualTo(instant(approved.body().get("protectedUntil")));
        assertThat(view.at("/notices/0/message").asText()).isEqualTo("Your registration was approved: it is "
                + "protected until " + instant(view.get("protectedUntil")) + ", with a deal discount of " + discount
                + "%.");
    }

    private static long submissionsStoredFor(String partnerId) throws Exception {
        try (Connection db = system.commandDb(); PreparedStatement query = db.prepareStatement("""
                SELECT count(*) FROM domainevententry WHERE payloadtype LIKE '%RegistrationSubmitted'
                  AND convert_from(payload, 'UTF8') LIKE ?""")) {
            query.setString(1, "%\"" + partnerId + "\"%");
            try (ResultSet rs = query.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
