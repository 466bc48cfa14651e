package com.leadledger.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.leadledger.testsupport.HttpApi;
import com.leadledger.testsupport.Inns;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static com.leadledger.e2e.LeadLedgerSystem.partnerToken;
import static com.leadledger.e2e.StorySteps.MANAGER;
import static com.leadledger.e2e.StorySteps.awaitNotices;
import static com.leadledger.e2e.StorySteps.instant;
import static com.leadledger.e2e.StorySteps.invisibleTo;
import static com.leadledger.e2e.StorySteps.kindsOf;
import static com.leadledger.e2e.StorySteps.ok;
import static com.leadledger.e2e.StorySteps.onboardPartner;
import static com.leadledger.e2e.StorySteps.post;
import static com.leadledger.e2e.StorySteps.refused;
import static com.leadledger.e2e.StorySteps.registration;
import static com.leadledger.e2e.StorySteps.submitted;
import static com.leadledger.e2e.StorySteps.system;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * More protection time, through both services: the owner asks (command API), staff grant or refuse, the owner reads
 * the result and its notice (query API). The default policy allows one extension of up to 30 days. The competing
 * partner on the same opportunity learns nothing of it.
 */
class ExtensionStoriesIT {

    @Test
    void anExtensionIsGrantedOnceAndMovesTheEndOfProtectionByItsDays() {
        String owner = onboardPartner("GOLD", "NETWORK_SECURITY");
        String competitor = onboardPartner("SILVER", "NETWORK_SECURITY");
        String inn = Inns.random();
        String reg = submitted(owner, inn, "NETWORK_SECURITY").text("registrationId");
        String competing = submitted(competitor, inn, "NETWORK_SECURITY").text("registrationId");
        Instant protectedUntil = instant(ok("/api/v1/registrations/" + reg + "/approve", MANAGER,
                "{\"discountPercent\": 10}").body().get("protectedUntil"));

        Instant before = Instant.now();
        HttpApi.Answer requested = post("/api/v1/registrations/" + reg + "/extension-requests", partnerToken(owner),
                "{\"reason\": \"customer board meets next month\", \"days\": 20}");
        Instant after = Instant.now();
        assertThat(requested.status()).as(requested.raw()).isEqualTo(201);
        String extension = requested.text("extensionRequestId");
        JsonNode pending = registration(reg, partnerToken(owner), v -> !v.path("pendingExtension").isNull())
                .get("pendingExtension");
        assertThat(pending.get("extensionRequestId").asText()).isEqualTo(extension);
        assertThat(pending.get("days").asInt()).isEqualTo(20);
        assertThat(pending.get("reason").asText()).isEqualTo("customer board meets next month");
        assertThat(instant(pending.get("requestedAt"))).isBetween(before, after);

        // one request at a time; only the owner may ask (anyone else: "not found"), only staff decide
        HttpApi.Answer again = post("/api/v1/registrations/" + reg + "/extension-requests", partnerToken(owner),
                "{\"reason\": \"a second one\", \"days\": 10}");
        refused(again, 409, "EXTENSION_PENDING");
        assertThat(again.body().get("extensionRequestId").asText()).isEqualTo(extension);
        refused(post("/api/v1/registrations/" + reg + "/extension-requests", partnerToken(competitor),
                "{\"reason\": \"curious\"}"), 404, "NOT_FOUND");
        refused(post("/api/v1/registrations/" + reg + "/extension-requests/" + extension + "/grant",
                partnerToken(owner), "{}"), 403, "FORBIDDEN");

        HttpApi.Answer granted = ok("/api/v1/registrations/" + reg + "/extension-requests/" + extension + "/grant",
                MANAGER, "{\"note\": \"board date confirmed\"}");
        Instant extendedUntil = protectedUntil.plus(Duration.ofDays(20));
        assertThat(granted.text("registrationId")).isEqualTo(reg);
        assertThat(granted.text("extensionRequestId")).isEqualTo(extension);
        assertThat(granted.text("decision")).isEqualTo("GRANTED");
        assertThat(instant(granted.body().get("protectedUntil"))).isEqualTo(extendedUntil);

        JsonNode view = registration(reg, partnerToken(owner), v -> v.path("extensionsGranted").asInt() == 1);
        assertThat(view.get("status").asText()).isEqualTo("APPROVED");
        assertThat(instant(view.get("protectedUntil"))).isEqualTo(extendedUntil);
        assertThat(view.get("protectionDays").asInt()).as("the approval's days; extensions are counted apart")
                .isEqualTo(90);
        assertThat(view.get("pendingExtension").isNull()).isTrue();
        assertThat(kindsOf(view.get("notices"))).containsExactly("EXTENSION_GRANTED", "REGISTRATION_APPROVED");
        assertThat(view.at("/notices/0/message").asText()).isEqualTo("Your extension request was granted: "
                + "protection is extended by 20 days, until " + extendedUntil + ".");
        JsonNode ranking = system.awaitQuery("/api/v1/opportunities/" + view.get("opportunityId").asText(), MANAGER,
                o -> true).get("ranking");
        assertThat(instant(ranking.get(0).get("protectedUntil"))).isEqualTo(extendedUntil);

        // the policy's one extension is used up; the decided request is gone
        refused(post("/api/v1/registrations/" + reg + "/extension-requests", partnerToken(owner),
                "{\"reason\": \"the board postponed again\", \"days\": 10}"), 409, "EXTENSION_LIMIT_REACHED");
        refused(post("/api/v1/registrations/" + reg + "/extension-requests/" + extension + "/grant", MANAGER, "{}"),
                404, "NOT_FOUND");

        // the competitor was told only that an earlier registration exists (at the approval), nothing since
        JsonNode competitorNotices = awaitNotices(competitor, 1);
        assertThat(kindsOf(competitorNotices)).containsExactly("EARLIER_REGISTRATION_EXISTS");
        assertThat(competitorNotices.get(0).get("registrationId").asText()).isEqualTo(competing);
        assertThat(registration(competing, partnerToken(competitor), v -> true).get("extensionsGranted").asInt())
                .isZero();
        invisibleTo(competitor, reg);
        assertThat(awaitNotices(owner, 2).toString()).doesNotContain(competitor, competing);
    }

    @Test
    void aRefusedExtensionLeavesProtectionAsItWasAndUsesNothingUp() {
        String owner = onboardPartner("SILVER", "NETWORK_SECURITY");
        String competitor = onboardPartner("GOLD", "NETWORK_SECURITY");
        String inn = Inns.random();
        String reg = submitted(owner, inn, "NETWORK_SECURITY").text("registrationId");
        String competing = submitted(competitor, inn, "NETWORK_SECURITY").text("registrationId");
        Instant protectedUntil = instant(ok("/api/v1/registrations/" + reg + "/approve", MANAGER,
                "{\"discountPercent\": 7.5}").body().get("protectedUntil"));

        // more than the policy's 30 days is refused; without days the request is for the policy's 30
        refused(post("/api/v1/registrations/" + reg + "/extension-requests", partnerToken(owner),
                "{\"reason\": \"long tender\", \"days\": 31}"), 400, "EXTENSION_TOO_LONG");
        HttpApi.Answer requested = post("/api/v1/registrations/" + reg + "/extension-requests", partnerToken(owner),
                "{\"reason\": \"long tender\"}");
        assertThat(requested.status()).as(requested.raw()).isEqualTo(201);
        String extension = requested.text("extensionRequestId");
        assertThat(registration(reg, partnerToken(owner), v -> !v.path("pendingExtension").isNull())
                .at("/pendingExtension/days").asInt()).isEqualTo(30);

        HttpApi.Answer decided = ok("/api/v1/registrations/" + reg + "/extension-requests/" + extension + "/refuse",
                MANAGER, "{\"note\": \"no tender documents\"}");
        assertThat(decided.text("decision")).isEqualTo("REFUSED");
        assertThat(instant(decided.body().get("protectedUntil"))).isEqualTo(protectedUntil);

        JsonNode view = registration(reg, partnerToken(owner), v -> v.path("pendingExtension").isNull()
                && v.path("notices").size() == 2);
        assertThat(view.get("status").asText()).isEqualTo("APPROVED");
        assertThat(instant(view.get("protectedUntil"))).isEqualTo(protectedUntil);
        assertThat(view.get("extensionsGranted").asInt()).isZero();
        assertThat(kindsOf(view.get("notices"))).containsExactly("EXTENSION_REFUSED", "REGISTRATION_APPROVED");
        assertThat(view.at("/notices/0/message").asText())
                .isEqualTo("Your extension request was refused; protection ends as before.");

        // the refused request cannot be granted afterwards, and a refusal does not use up the policy's extension
        refused(post("/api/v1/registrations/" + reg + "/extension-requests/" + extension + "/grant", MANAGER, "{}"),
                404, "NOT_FOUND");
        refused(post("/api/v1/registrations/" + reg + "/extension-requests/" + UUID.randomUUID() + "/refuse",
                MANAGER, "{}"), 404, "NOT_FOUND");
        HttpApi.Answer anotherTry = post("/api/v1/registrations/" + reg + "/extension-requests", partnerToken(owner),
                "{\"reason\": \"tender documents attached\", \"days\": 15}");
        assertThat(anotherTry.status()).as(anotherTry.raw()).isEqualTo(201);
        assertThat(registration(reg, partnerToken(owner), v -> anotherTry.text("extensionRequestId")
                .equals(v.at("/pendingExtension/extensionRequestId").asText())).at("/pendingExtension/days").asInt())
                .isEqualTo(15);

        assertThat(kindsOf(awaitNotices(competitor, 1))).containsExactly("EARLIER_REGISTRATION_EXISTS");
        assertThat(registration(competing, partnerToken(competitor), v -> true).get("pendingExtension").isNull())
                .isTrue();
        invisibleTo(competitor, reg);
        assertThat(kindsOf(awaitNotices(owner, 2))).containsExactly("EXTENSION_REFUSED", "REGISTRATION_APPROVED");
    }
}
