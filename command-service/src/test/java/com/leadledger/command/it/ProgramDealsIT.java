package com.leadledger.command.it;

import com.leadledger.command.program.ProgramFacts;
import com.leadledger.localruntime.DevTokens;
import com.leadledger.testsupport.HttpApi;
import com.leadledger.testsupport.Inns;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The program's deal facts are written with the registration events and read back by partner and interval. */
class ProgramDealsIT extends CommandServiceITBase {

    static final String MANAGER = DevTokens.mint("manager-1", List.of("CHANNEL_MANAGER"), null);

    @LocalServerPort
    int port;
    @Autowired
    ProgramFacts facts;

    @Test
    void submittedAndWonDealsAreReadBackByPartnerAndInterval() {
        HttpApi http = new HttpApi("http://localhost:" + port);
        String partnerId = Onboarding.onboardGold(http);
        String other = Onboarding.onboardGold(http);
        Instant before = Instant.now().minusSeconds(5);
        String won = submit(http, partnerId, "1250000.00");
        String open = submit(http, partnerId, "900000.00");
        submit(http, other, "700000.00");
        var approved = http.post("/api/v1/registrations/" + won + "/approve", MANAGER, "{\"discountPercent\": 5}");
        assertThat(approved.status()).as(approved.raw()).isEqualTo(200);
        var outcome = http.post("/api/v1/registrations/" + won + "/outcome", Onboarding.tokenOf(partnerId),
                "{\"result\": \"WON\", \"finalValue\": {\"amount\": \"11000\", \"currency\": \"USD\"}}");
        assertThat(outcome.status()).as(outcome.raw()).isEqualTo(200);
        Instant after = Instant.now().plusSeconds(5);

        assertThat(facts.submittedBy(partnerId, before, after)).extracting(ProgramFacts.Deal::registrationId)
                .containsExactly(won, open);
        List<ProgramFacts.Deal> wins = facts.wonBy(partnerId, before, after);
        assertThat(wins).extracting(ProgramFacts.Deal::registrationId).containsExactly(won);
        ProgramFacts.Deal deal = wins.get(0);
        assertThat(deal.partnerId()).isEqualTo(partnerId);
        assertThat(deal.productLine()).isEqualTo("NETWORK_SECURITY");
        assertThat(deal.wonValue().currency()).isEqualTo("USD");
        assertThat(deal.wonValue().amount()).isEqualByComparingTo(new BigDecimal("11000"));
        assertThat(deal.wonAt()).isBetween(before, after);
        assertThat(facts.wonBy(partnerId, before.minus(Duration.ofDays(400)), before)).isEmpty();
        assertThat(facts.submittedBy(partnerId, after, after.plusSeconds(60))).isEmpty();
    }

    private static String submit(HttpApi http, String partnerId, String amount) {
        var submitted = http.post("/api/v1/registrations", Onboarding.tokenOf(partnerId), """
                {"customer": {"legalName": "Program deal %s", "country": "RU", "taxId": "%s"},
                 "productLine": "NETWORK_SECURITY",
                 "estimatedValue": {"amount": "%s", "currency": "RUB"},
                 "expectedCloseDate": "%s"}""".formatted(amount, Inns.random(), amount,
                LocalDate.now().plusDays(60)));
        assertThat(submitted.status()).as(submitted.raw()).isEqualTo(201);
        return submitted.body().get("registrationId").asText();
    }
}
