package com.leadledger.query.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.leadledger.events.registration.RegistrationSubmitted;
import com.leadledger.query.Fixtures;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class OpportunityApiIT extends QueryServiceITBase {

    @Test
    void staffSeeTheRankingInTheOrderTheOpportunityAcceptedRegistrations() {
        Fixtures.OpportunityStream stream = new Fixtures.OpportunityStream("NETWORK_SECURITY");
        stream.opened();
        RegistrationSubmitted first = stream.submit(uniquePartner("first"));
        RegistrationSubmitted second = stream.submit(uniquePartner("second"));
        RegistrationSubmitted third = stream.submit(uniquePartner("third"));
        stream.withdraw(second, null);
        publish(stream.envelopes());
        String path = "/api/v1/opportunities/" + stream.opportunityId();
        String manager = token("CHANNEL_MANAGER");
        eventually().until(() -> {
            var answer = http.get(path, manager);
            return answer.status() == 200 && answer.body().get("ranking").size() == 3
                    && answer.body().get("ranking").get(1).get("status").asText().equals("WITHDRAWN");
        });

        JsonNode opportunity = http.get(path, manager).body();

        assertThat(opportunity.get("opportunityId").asText()).isEqualTo(stream.opportunityId());
        assertThat(opportunity.get("customerKey").asText()).isEqualTo(stream.customerKey());
        assertThat(opportunity.get("productLine").asText()).isEqualTo("NETWORK_SECURITY");
        assertThat(Instant.parse(opportunity.get("openedAt").asText())).isBefore(first.acceptedAt());
        assertThat(opportunity.get("supportedRegistrationId").isNull()).isTrue();
        assertThat(opportunity.get("supportHistory").isArray()).isTrue();
        assertThat(opportunity.get("supportHistory")).isEmpty();
        List<String> positions = new ArrayList<>();
        List<String> registrations = new ArrayList<>();
        List<String> partners = new ArrayList<>();
        List<String> statuses = new ArrayList<>();
        for (JsonNode entry : opportunity.get("ranking")) {
            positions.add(entry.get("position").asText());
            registrations.add(entry.get("registrationId").asText());
            partners.add(entry.get("partnerId").asText());
            statuses.add(entry.get("status").asText());
            assertThat(entry.get("acceptedAt").asText()).endsWith("Z");
        }
        assertThat(positions).containsExactly("1", "2", "3");
        assertThat(registrations).containsExactly(first.registrationId(), second.registrationId(),
                third.registrationId());
        assertThat(partners).containsExactly(first.partnerId(), second.partnerId(), third.partnerId());
        assertThat(statuses).containsExactly("SUBMITTED", "WITHDRAWN", "SUBMITTED");

        assertThat(http.get(path, token("AUDITOR")).status()).isEqualTo(200);
        assertThat(http.get(path, token("ARBITRATION_COMMITTEE")).status()).isEqualTo(200);
    }

    @Test
    void partnersMayNotReadOpportunities() {
        var answer = http.get("/api/v1/opportunities/" + UUID.randomUUID(), partnerToken(uniquePartner("curious")));

        assertThat(answer.status()).isEqualTo(403);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.body().get("code").asText()).isEqualTo("FORBIDDEN");
    }

    @Test
    void anUnknownOpportunityIsNotFound() {
        var answer = http.get("/api/v1/opportunities/" + UUID.randomUUID(), token("CHANNEL_DIRECTOR"));

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.body().get("code").asText()).isEqualTo("NOT_FOUND");
    }
}
