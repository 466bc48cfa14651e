package com.leadledger.command.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.leadledger.localruntime.DevTokens;
import com.leadledger.testsupport.HttpApi;
import com.leadledger.testsupport.Inns;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.leadledger.command.it.HeldStreamHead.onboard;
import static com.leadledger.command.it.HeldStreamHead.post;
import static com.leadledger.command.it.HeldStreamHead.submit;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two command-service instances on one database, each keeping the opportunities it loaded in its own cache: a command
 * on one instance decides on what the other instance appended to the opportunity after the first one kept it.
 */
// Services of its own: the shared test context is one instance.
class OpportunityCacheAcrossInstancesIT {

    static final String DB = "cache_it_" + UUID.randomUUID().toString().substring(0, 8);

    static ConfigurableApplicationContext first;
    static ConfigurableApplicationContext second;

    @BeforeAll
    static void twoInstancesOnOneDatabase() {
        Map<String, Object> properties = RealInfrastructure.ownServiceSettings(DB);
        properties.put("leadledger.rate-limit.per-second", 0);
        first = RealInfrastructure.startOwnService(properties);
        second = RealInfrastructure.startOwnService(properties);
    }

    @AfterAll
    static void stop() {
        if (second != null) {
            second.close();
        }
        if (first != null) {
            first.close();
        }
    }

    @Test
    void eachInstanceDecidesOnWhatTheOtherAppendedToAnOpportunityItKeeps() {
        HttpApi one = RealInfrastructure.http(first);
        HttpApi two = RealInfrastructure.http(second);
        String tag = UUID.randomUUID().toString().substring(0, 6);
        String early = onboard(one, "P-EARLY-" + tag);
        String late = onboard(one, "P-LATE-" + tag);
        String inn = Inns.random();

        JsonNode earlyRegistration = submit(one, early, inn);
        JsonNode lateRegistration = submit(two, late, inn);
        assertThat(lateRegistration.get("opportunityId")).isEqualTo(earlyRegistration.get("opportunityId"));

        // the first instance kept the opportunity before the late registration was filed on the second
        HttpApi.Answer withdrawn = one.post("/api/v1/registrations/" + lateRegistration.get("registrationId").asText()
                + "/withdraw", DevTokens.mint("u-" + late, List.of("PARTNER"), late), "{}");
        assertThat(withdrawn.status()).as(withdrawn.raw()).isEqualTo(200);

        // the second instance kept it with the late registration still active: one active registration per partner
        HttpApi.Answer again = post(two, late, inn);
        assertThat(again.status()).as(again.raw()).isEqualTo(201);
        assertThat(again.body().get("opportunityId")).isEqualTo(earlyRegistration.get("opportunityId"));

        HttpApi.Answer approved = one.post("/api/v1/registrations/" + earlyRegistration.get("registrationId").asText()
                + "/approve", DevTokens.mint("manager-1", List.of("CHANNEL_MANAGER"), null), "{\"discountPercent\": 10}");
        assertThat(approved.status()).as(approved.raw()).isEqualTo(200);
        HttpApi.Answer secondWithdrawal = one.post("/api/v1/registrations/" + again.body().get("registrationId")
                .asText() + "/withdraw", DevTokens.mint("u-" + late, List.of("PARTNER"), late), "{}");
        assertThat(secondWithdrawal.status()).as(secondWithdrawal.raw()).isEqualTo(200);
    }
}
