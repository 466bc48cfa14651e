package com.leadledger.query.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.leadledger.events.common.Money;
import com.leadledger.events.dispute.DisputeAmounts;
import com.leadledger.events.dispute.DisputeAssigned;
import com.leadledger.events.dispute.DisputeEscalated;
import com.leadledger.events.dispute.DisputeEvidenceAdded;
import com.leadledger.events.dispute.DisputeOpened;
import com.leadledger.events.dispute.DisputeOutcome;
import com.leadledger.events.dispute.DisputeRespondentLinked;
import com.leadledger.events.dispute.DisputeRuled;
import com.leadledger.events.dispute.DisputeType;
import com.leadledger.events.dispute.EvidenceDocument;
import com.leadledger.events.partner.PartnerTier;
import com.leadledger.events.registration.RegistrationApproved;
import com.leadledger.events.registration.RegistrationSubmitted;
import com.leadledger.query.Fixtures;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Disputes through Kafka → event_log → dispute_view → HTTP: the arbitration queue, the staff detail with the ranking
 * at opening, the anonymized views of both parties, 404 for everyone else, and the effects on registrations and
 * partner records.
 */
class DisputeApiIT extends QueryServiceITBase {

    static final String MANAGER = token("CHANNEL_MANAGER");
    static final String DIRECTOR = token("CHANNEL_DIRECTOR");

    @Test
    void aDumpingComplaintIsQueuedEscalatedRuledAndShownToEachRoleAsItMaySeeIt() {
        String a = uniquePartner("complainant");
        String b = uniquePartner("respondent");
        String c = uniquePartner("earlier-rival");
        String d = uniquePartner("latecomer");
        Fixtures.OpportunityStream network = new Fixtures.OpportunityStream("NETWORK_SECURITY");
        Fixtures.OpportunityStream dataCenter = new Fixtures.OpportunityStream(network.customerKey(), "DATA_CENTER");
        network.opened();
        RegistrationSubmitted ra = network.submit(a);
        RegistrationSubmitted rc = network.submit(c);
        network.approve(ra, "5", 90);
        dataCenter.opened();
        RegistrationSubmitted rb = dataCenter.submit(b);
        RegistrationApproved approvedB = dataCenter.approve(rb, "5", 90);
        Fixtures.PartnerStream partnerB = new Fixtures.PartnerStream(b);
        partnerB.onboard("Respondent Ltd", PartnerTier.SILVER, List.of("DATA_CENTER"));
        publish(network.envelopes());
        publish(dataCenter.envelopes());
        publish(partnerB.envelopes());
        awaitRegistration(rb.registrationId(), MANAGER);
        awaitRegistration(ra.registrationId(), MANAGER);

        Fixtures.DisputeStream dispute = new Fixtures.DisputeStream();
        String id = dispute.disputeId();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        DisputeAmounts amounts = new DisputeAmounts(new Money(new BigDecimal("950000.00"), "RUB"),
                new Money(new BigDecimal("779000.00"), "RUB"), new BigDecimal("5"));
        dispute.add(new DisputeOpened(id, DisputeType.PRICE_DUMPING, network.opportunityId(), ra.registrationId(), a,
                "PARTNER", "quoted 18 % below list", amounts, 1, now.minus(2, ChronoUnit.HOURS),
                now.minus(3, ChronoUnit.DAYS), 1), "user-of-" + a, "PARTNER", a);
        dispute.add(new DisputeEvidenceAdded(id, "E-A", "user-of-" + a, a, "the customer's forwarded offer", amounts,
                List.of(new EvidenceDocument("offer.pdf", "ab".repeat(32), null)), now), "user-of-" + a, "PARTNER", a);
        dispute.add(new DisputeRespondentLinked(id, b, rb.registrationId(), dataCenter.opportunityId(), now),
                "manager-1", "CHANNEL_MANAGER", null);
        dispute.add(new DisputeEvidenceAdded(id, "E-B", "user-of-" + b, b, "our special price approval", null,
                List.of(), now), "user-of-" + b, "PARTNER", b);
        dispute.add(new DisputeAssigned(id, "manager-1", 1, "manager-1", now), "manager-1", "CHANNEL_MANAGER", null);
        dispute.add(new DisputeEscalated(id, 1, 2, null, true, now.minus(1, ChronoUnit.MINUTES),
                now.minus(2, ChronoUnit.HOURS), 1, null), "system", "SYSTEM", null);
        publish(dispute.envelopes());
        RegistrationSubmitted rd = network.submit(d); // after the dispute was opened: not in its ranking
        publish(network.last());

        JsonNode queued = awaitJson("/api/v1/disputes?level=2&status=OPEN", MANAGER,
                page -> item(page, id) != null);
        JsonNode line = item(queued, id);
        assertThat(line.get("type").asText()).isEqualTo("PRICE_DUMPING");
        assertThat(line.get("level").asInt()).isEqualTo(2);
        assertThat(line.get("slaBreached").asBoolean()).isTrue();
        assertThat(line.get("assignee").isNull()).isTrue();
        assertThat(line.get("respondentPartnerId").asText()).isEqualTo(b);
        Instant asked = Instant.now();
        line = item(http.get("/api/v1/disputes?level=2&status=OPEN", MANAGER).body(), id);
        Instant answered = Instant.now();
        Instant openedAt = Instant.parse(line.get("openedAt").asText());
        assertThat(openedAt).isEqualTo(now.minus(3, ChronoUnit.DAYS));
        assertThat(line.get("ageSeconds").asLong()).as("open since then, until the answer")
                .isBetween(Duration.between(openedAt, asked).toSeconds(), Duration.between(openedAt, answered)
                        .toSeconds());
        assertThat(Duration.parse(line.get("age").asText()).toSeconds()).isEqualTo(line.get("ageSeconds").asLong());
        assertThat(item(http.get("/api/v1/disputes?level=1", MANAGER).body(), id)).isNull();

        dispute.add(new DisputeRuled(id, network.opportunityId(), 2, DisputeOutcome.UPHELD, "B undercut A",
                null, true, 10, b, rb.registrationId(), dataCenter.opportunityId(), false, null,
                now.plus(10, ChronoUnit.DAYS), "director-1", "CHANNEL_DIRECTOR", now, 1, null),
                "director-1", "CHANNEL_DIRECTOR", null);
        publish(dispute.last());
        dataCenter.revoke(approvedB, id);
        publish(dataCenter.last());
        partnerB.penalize(id, 10, 10);
        publish(partnerB.envelopes().get(partnerB.envelopes().size() - 1));

        JsonNode staff = awaitJson("/api/v1/disputes/" + id, DIRECTOR,
                v -> v.get("timeline").size() == 9 && v.get("status").asText().equals("CLOSED")
                        && v.get("linkedRegistrations").size() == 2
                        && v.get("linkedRegistrations").get(1).get("status").asText().equals("REVOKED"));
        assertThat(staff.get("respondent").get("partnerId").asText()).isEqualTo(b);
        assertThat(staff.get("evidence")).hasSize(2);
        assertThat(staff.get("rulings").get(0).get("outcome").asText()).isEqualTo("UPHELD");
        assertThat(staff.get("rulings").get(0).get("decidedBy").asText()).isEqualTo("director-1");
        assertThat(staff.get("slaBreached").asBoolean()).isFalse();
        assertThat(staff.get("rankingAtOpening")).hasSize(2);
        assertThat(staff.get("rankingAtOpening").get(0).get("registrationId").asText())
                .isEqualTo(ra.registrationId());
        assertThat(staff.get("rankingAtOpening").get(0).get("status").asText()).isEqualTo("APPROVED");
        assertThat(staff.get("rankingAtOpening").get(1).get("registrationId").asText())
                .isEqualTo(rc.registrationId());
        assertThat(staff.get("rankingAtOpening").toString()).doesNotContain(rd.registrationId());
        assertThat(staff.get("linkedRegistrations").get(0).get("role").asText()).isEqualTo("COMPLAINANT");
        assertThat(staff.get("linkedRegistrations").get(1).get("role").asText()).isEqualTo("RESPONDENT");
        assertThat(http.get("/api/v1/disputes/" + id, token("AUDITOR")).status()).isEqualTo(200);

        JsonNode complainant = http.get("/api/v1/disputes/" + id, partnerToken(a)).body();
        assertThat(complainant.get("role").asText()).isEqualTo("COMPLAINANT");
        assertThat(complainant.get("description").asText()).isEqualTo("quoted 18 % below list");
        assertThat(complainant.get("rulings").get(0).get("penaltyPoints").asInt()).isEqualTo(10);
        assertThat(complainant.get("rulings").get(0).get("respondentProtectionRevoked").asBoolean()).isTrue();
        assertThat(complainant.toString()).doesNotContain(b, rb.registrationId(), dataCenter.opportunityId(),
                "our special price approval", "director-1", "manager-1");
        assertThat(item(http.get("/api/v1/disputes", partnerToken(a)).body(), id)).isNotNull();

        JsonNode respondent = http.get("/api/v1/disputes/" + id, partnerToken(b)).body();
        assertThat(respondent.get("role").asText()).isEqualTo("RESPONDENT");
        assertThat(respondent.get("registrationId").asText()).isEqualTo(rb.registrationId());
        assertThat(respondent.toString()).doesNotContain(a, ra.registrationId(), network.opportunityId(),
                "quoted 18 % below list", "the customer's forwarded offer");

        Http.Response outsider = http.get("/api/v1/disputes/" + id, partnerToken(c));
        Http.Response missing = http.get("/api/v1/disputes/no-such-dispute", partnerToken(c));
        assertThat(outsider.status()).isEqualTo(404);
        assertThat(outsider.body().get("detail")).isEqualTo(missing.body().get("detail"));
        assertThat(http.get("/api/v1/disputes", partnerToken(c)).body().get("total").asLong()).isZero();

        JsonNode partnerRecord = awaitJson("/api/v1/partners/" + b, MANAGER,
                p -> p.get("penaltyPoints").asInt() == 10);
        assertThat(partnerRecord.get("disputes")).singleElement().satisfies(h -> {
            assertThat(h.get("disputeId").asText()).isEqualTo(id);
            assertThat(h.get("role").asText()).isEqualTo("RESPONDENT");
            assertThat(h.get("lastOutcome").asText()).isEqualTo("UPHELD");
            assertThat(h.get("penaltyPoints").asInt()).isEqualTo(10);
        });
        JsonNode ownRecord = http.get("/api/v1/partners/" + b, partnerToken(b)).body();
        assertThat(ownRecord.get("penaltyPoints").asInt()).as("the respondent reads its own record").isEqualTo(10);
        assertThat(ownRecord.toString()).as("and nothing of the complainant").doesNotContain(a);
        assertThat(http.get("/api/v1/partners/" + b, partnerToken(a)).status()).as("nor the complainant its")
                .isEqualTo(404);

        JsonNode revoked = awaitRegistration(rb.registrationId(), partnerToken(b));
        assertThat(revoked.get("status").asText()).isEqualTo("REVOKED");
        assertThat(revoked.get("notices").toString()).contains("PROTECTION_REVOKED");
    }

    @Test
    void badFiltersAreProblemsNamingTheFieldAndAnonymousCallersAreRefused() {
        Http.Response level = http.get("/api/v1/disputes?level=7", MANAGER);
        Http.Response status = http.get("/api/v1/disputes?status=PENDING", MANAGER);

        assertThat(level.status()).isEqualTo(400);
        assertThat(level.contentType()).contains("application/problem+json");
        assertThat(level.body().get("errors").get(0).get("field").asText()).isEqualTo("level");
        assertThat(status.status()).isEqualTo(400);
        assertThat(status.body().get("errors").get(0).get("field").asText()).isEqualTo("status");
        assertThat(http.get("/api/v1/disputes", null).status()).isEqualTo(401);
    }

    private static JsonNode item(JsonNode page, String disputeId) {
        for (JsonNode item : page.get("items")) {
            if (item.get("disputeId").asText().equals(disputeId)) {
                return item;
            }
        }
        return null;
    }
}
