package com.leadledger.query.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.leadledger.events.common.Money;
import com.leadledger.events.envelope.EventEnvelope;
import com.leadledger.events.program.PointsAwarded;
import com.leadledger.events.program.PointsRedeemed;
import com.leadledger.query.Fixtures;
import com.leadledger.query.program.ScorecardSection;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The scorecard's points part, from the ledger's events ingested over Kafka into event_log, as of two instants. */
class PointsScorecardIT extends QueryServiceITBase {

    static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule());

    @Autowired
    List<ScorecardSection> sections;

    @Test
    void thePointsPartIsTheBalanceAndHistoryOfTheLedgersEventsUpToTheInstant() {
        String partner = uniquePartner("points");
        String other = uniquePartner("points-other");
        Instant t1 = Instant.now().truncatedTo(ChronoUnit.MILLIS).minus(Duration.ofHours(2));
        Instant t2 = t1.plus(Duration.ofHours(1));
        PointsAwarded approval = new PointsAwarded(partner, "E-1/REGISTRATION_APPROVED",
                PointsAwarded.Cause.REGISTRATION_APPROVED, "E-1", "R-1", 15, t1.plus(Duration.ofDays(365)), t1, 1);
        PointsRedeemed redeemed = new PointsRedeemed(partner, "X-1", PointsRedeemed.Kind.MARKETING_FUND_CREDIT, 4,
                new Money(new BigDecimal("400"), "RUB"), null, null, "user-of-" + partner, t2, 1);
        PointsAwarded othersAward = new PointsAwarded(other, "E-2/REGISTRATION_APPROVED",
                PointsAwarded.Cause.REGISTRATION_APPROVED, "E-2", "R-2", 99, t1.plus(Duration.ofDays(365)), t1, 1);
        List<EventEnvelope> envelopes = List.of(
                Fixtures.envelope(approval, "PointsLedger", "points:" + partner, 0, t1,
                        Fixtures.metadata("manager-1", "CHANNEL_MANAGER", null)),
                Fixtures.envelope(redeemed, "PointsLedger", "points:" + partner, 1, t2,
                        Fixtures.metadata("user-of-" + partner, "PARTNER", partner)),
                Fixtures.envelope(othersAward, "PointsLedger", "points:" + other, 0, t1,
                        Fixtures.metadata("manager-1", "CHANNEL_MANAGER", null)));
        publish(envelopes);
        envelopes.forEach(this::awaitStored);
        ScorecardSection points = sections.stream().filter(s -> s.name().equals("points")).findFirst().orElseThrow();

        JsonNode before = JSON.valueToTree(points.of(partner, t1.minusMillis(1)));
        assertThat(before.get("balance").asInt()).isZero();
        assertThat(before.get("history")).isEmpty();

        JsonNode afterAward = JSON.valueToTree(points.of(partner, t1));
        assertThat(afterAward.get("balance").asInt()).isEqualTo(15);
        assertThat(afterAward.at("/history/0/causationId").asText()).isEqualTo("E-1");

        JsonNode now = JSON.valueToTree(points.of(partner, Instant.now()));
        assertThat(now.get("balance").asInt()).as("15 earned, 4 redeemed; the other partner's 99 never count")
                .isEqualTo(11);
        assertThat(now.get("history").findValuesAsText("type")).containsExactly("AWARDED", "REDEEMED");
        assertThat(now.at("/history/1/points").asInt()).isEqualTo(-4);
    }
}
