package com.leadledger.query.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.leadledger.events.program.RebateAccrued;
import com.leadledger.query.Fixtures;
import com.leadledger.query.program.ScorecardSection;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A partner's rebate statement and the scorecard's rebates part, from RebateAccrued events arriving through Kafka:
 * the partner itself and the vendor side read it, as of an instant; another partner's id is not found.
 */
class RebateStatementIT extends QueryServiceITBase {

    private static final ObjectMapper JSON = Fixtures.CODEC.mapper();

    @Autowired
    List<ScorecardSection> sections;

    @Test
    void aClosedPeriodsStatementIsReadByThePartnerAndStaffAsOfAnInstantAndHiddenFromOthers() throws Exception {
        String own = uniquePartner("rebated");
        String other = uniquePartner("nosy");
        Instant accruedAt = Fixtures.now();
        RebateAccrued accrued = accrued(own, accruedAt);
        publish(Fixtures.envelope(accrued, "Rebate", accrued.rebateId(), 0, accruedAt,
                Fixtures.metadata("admin-1", "ADMIN", null)));
        RebateAccrued others = accrued(other, accruedAt);
        publish(Fixtures.envelope(others, "Rebate", others.rebateId(), 0, accruedAt,
                Fixtures.metadata("admin-1", "ADMIN", null)));

        String path = "/api/v1/partners/" + own + "/rebates?period=2026-Q3";
        JsonNode page = awaitJson(path, partnerToken(own), body -> body.get("total").asLong() == 1);
        JsonNode statement = page.get("items").get(0);
        assertThat(statement.get("partnerId").asText()).isEqualTo(own);
        assertThat(statement.get("period").asText()).isEqualTo("2026-Q3");
        assertThat(new BigDecimal(statement.get("amount").asText())).isEqualByComparingTo("133000");
        assertThat(new BigDecimal(statement.get("volume").asText())).isEqualByComparingTo("6700000");
        JsonNode brackets = statement.get("lines").get(0).get("offSeason").get("brackets");
        assertThat(brackets).hasSize(4);
        assertThat(new BigDecimal(brackets.get(2).get("amount").asText())).isEqualByComparingTo("49000");
        assertThat(brackets.get(3).get("to").isNull()).isTrue();
        assertThat(statement.get("payouts").get(0).get("dueOn").asText()).isEqualTo("2026-10-01");

        assertThat(http.get(path, token("CHANNEL_MANAGER")).body().get("total").asLong()).isEqualTo(1);
        assertThat(http.get(path, token("AUDITOR")).body().get("total").asLong()).isEqualTo(1);
        assertThat(http.get("/api/v1/partners/" + own + "/rebates", token("ADMIN")).body().get("total").asLong())
                .isEqualTo(1);
        assertThat(http.get(path, partnerToken(other)).status()).isEqualTo(404);
        assertThat(http.get("/api/v1/partners/" + own + "/rebates?period=2026-Q3&asOf="
                + accruedAt.minusSeconds(1), partnerToken(own)).body().get("total").asLong()).isZero();
        assertThat(http.get("/api/v1/partners/" + own + "/rebates?period=2026-Q4", partnerToken(own)).body()
                .get("total").asLong()).isZero();
        assertThat(http.get("/api/v1/partners/" + own + "/rebates?period=Q3", partnerToken(own)).status())
                .isEqualTo(400);

        Http.Response csv = http.get(path, partnerToken(own), "text/csv");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.text()).contains("partnerId").contains(own).contains("2026-Q3").doesNotContain(other);

        ScorecardSection rebates = sections.stream().filter(s -> s.name().equals("rebates")).findFirst()
                .orElseThrow();
        JsonNode part = JSON.valueToTree(rebates.of(own, accruedAt));
        assertThat(part.toString()).contains(own).doesNotContain(other);
        assertThat(part.get("accruedTotal").get("RUB").decimalValue()).isEqualByComparingTo("133000");
        assertThat(JSON.valueToTree(rebates.of(own, accruedAt.minusSeconds(1))).get("statements")).isEmpty();
    }

    /** The statement of the hand-computed example in docs/program.md (2026-Q3, NETWORK_SECURITY, off-season). */
    private static RebateAccrued accrued(String partnerId, Instant at) {
        List<RebateAccrued.AppliedBracket> brackets = List.of(
                bracket("100", "4000000", "4800000", "3", "800000", "24000.00"),
                bracket("120", "4800000", "6000000", "5", "1200000", "60000.00"),
                bracket("150", "6000000", "8000000", "7", "700000", "49000.00"),
                bracket("200", "8000000", null, "9", "0", "0.00"));
        RebateAccrued.Part offSeason = new RebateAccrued.Part(bd("6700000"), bd("4000000"), bd("4000000"), brackets,
                bd("133000.00"));
        RebateAccrued.Part season = new RebateAccrued.Part(BigDecimal.ZERO, BigDecimal.ZERO, bd("3000000"), List.of(),
                bd("0.00"));
        return new RebateAccrued(partnerId, "rebate:" + partnerId + ":2026-Q3", "2026-Q3",
                Instant.parse("2026-06-30T21:00:00Z"), Instant.parse("2026-09-30T21:00:00Z"), "QUARTERLY", 1L, "RUB",
                List.of(new RebateAccrued.LineAccrual("NETWORK_SECURITY", season, offSeason, bd("133000.00"))),
                bd("6700000"), bd("4000000"), bd("133000.00"),
                List.of(new RebateAccrued.Payout(LocalDate.parse("2026-10-01"), bd("133000.00"))),
                List.of("R-1", "R-2"), List.of(), at);
    }

    private static RebateAccrued.AppliedBracket bracket(String fromPercent, String from, String to, String rate,
                                                        String inside, String amount) {
        return new RebateAccrued.AppliedBracket(bd(fromPercent), bd(from), to == null ? null : bd(to), bd(rate),
                bd(inside), bd(amount));
    }

    private static BigDecimal bd(String value) {
        return new BigDecimal(value);
    }
}
