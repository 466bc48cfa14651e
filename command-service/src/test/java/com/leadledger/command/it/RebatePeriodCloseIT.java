package com.leadledger.command.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.leadledger.testsupport.HttpApi;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * ADMIN closes a rebate period over HTTP: the partner's won deals of the quarter and of the same quarter last year
 * (program facts, as the WON outcomes write them) give one RebateAccrued with the hand-computed amount; closing again
 * accrues nothing new.
 */
class RebatePeriodCloseIT extends CommandServiceITBase {

    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    @Test
    void closingAQuarterAccruesTheHandComputedRebateOnceAndRefusesWhatItMust() throws Exception {
        HttpApi http = new HttpApi("http://localhost:" + port);
        String partnerId = Onboarding.onboardGold(http);
        // 2025-Q3: 4 000 000 → brackets (off-season) from 4.0 M at 3 %, 4.8 M at 5 %, 6.0 M at 7 %, 8.0 M at 9 %
        won(partnerId, "NETWORK_SECURITY", "2025-08-01T10:00:00Z", "4000000", "RUB");
        // 2026-Q3: 4 000 000 RUB + 30 000 USD (2 700 000 at 90) = 6 700 000
        won(partnerId, "NETWORK_SECURITY", "2026-07-10T10:00:00Z", "4000000", "RUB");
        won(partnerId, "NETWORK_SECURITY", "2026-08-20T10:00:00Z", "30000", "USD");

        var closed = http.post("/api/v1/program/rebate-periods/2026-Q3/close", Onboarding.ADMIN, null);
        assertThat(closed.status()).as(closed.raw()).isEqualTo(200);
        assertThat(closed.body().get("period").asText()).isEqualTo("2026-Q3");
        assertThat(closed.body().get("accrued").toString()).contains(partnerId);

        List<String> payloads = payloadsOf("rebate:" + partnerId + ":2026-Q3");
        assertThat(payloads).hasSize(1);
        JsonNode event = JSON.readTree(payloads.get(0));
        // 800 000 at 3 % + 1 200 000 at 5 % + 700 000 at 7 % = 24 000 + 60 000 + 49 000
        assertThat(event.get("amount").decimalValue()).isEqualByComparingTo("133000");
        assertThat(event.get("volume").decimalValue()).isEqualByComparingTo("6700000");
        assertThat(event.get("lastYearVolume").decimalValue()).isEqualByComparingTo("4000000");
        assertThat(event.get("currency").asText()).isEqualTo("RUB");
        assertThat(event.get("payouts").get(0).get("dueOn").asText()).isEqualTo("2026-10-01");

        var again = http.post("/api/v1/program/rebate-periods/2026-Q3/close", Onboarding.ADMIN, null);
        assertThat(again.status()).as(again.raw()).isEqualTo(200);
        assertThat(again.body().get("accrued").toString()).doesNotContain(partnerId);
        assertThat(again.body().get("alreadyAccrued").toString()).contains(partnerId);
        assertThat(payloadsOf("rebate:" + partnerId + ":2026-Q3")).hasSize(1);

        var byPartner = http.post("/api/v1/program/rebate-periods/2026-Q3/close", Onboarding.tokenOf(partnerId),
                null);
        assertThat(byPartner.status()).isEqualTo(403);
        var malformed = http.post("/api/v1/program/rebate-periods/2026-Q9/close", Onboarding.ADMIN, null);
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.raw()).contains("REBATE_PERIOD_INVALID").contains("period");
        var year = http.post("/api/v1/program/rebate-periods/2025/close", Onboarding.ADMIN, null);
        assertThat(year.status()).isEqualTo(400);
        assertThat(year.raw()).contains("REBATE_PERIOD_KIND");
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Moscow"));
        String current = today.getYear() + "-Q" + ((today.getMonthValue() - 1) / 3 + 1);
        var open = http.post("/api/v1/program/rebate-periods/" + current + "/close", Onboarding.ADMIN, null);
        assertThat(open.status()).as(open.raw()).isEqualTo(409);
        assertThat(open.body().get("code").asText()).isEqualTo("REBATE_PERIOD_OPEN");
    }

    @Test
    void thePeriodEndDeadlineIsStoredOnceAndClosesTheLatestEndedQuarterWhenDue() throws Exception {
        ZoneId moscow = ZoneId.of("Europe/Moscow");
        LocalDate today = LocalDate.now(moscow);
        LocalDate quarterStart = today.withMonth((today.getMonthValue() - 1) / 3 * 3 + 1).withDayOfMonth(1);
        Instant due = quarterStart.plusMonths(3).atStartOfDay(moscow).toInstant().plusSeconds(60);
        // stored once; its first run (at once) closed the latest ended period, and it is due at the next period end
        Conditions.await("the period-end deadline is due at the next quarter", () -> jdbc.sql(
                        "SELECT execution_time FROM scheduled_tasks WHERE task_name = 'rebate-period-end'")
                .query(Timestamp.class).list().stream().map(Timestamp::toInstant).toList().equals(List.of(due)));

        HttpApi http = new HttpApi("http://localhost:" + port);
        String partnerId = Onboarding.onboardGold(http);
        LocalDate lastQuarter = quarterStart.minusMonths(3);
        String period = lastQuarter.getYear() + "-Q" + ((lastQuarter.getMonthValue() - 1) / 3 + 1);
        won(partnerId, "NETWORK_SECURITY", lastQuarter.plusDays(10) + "T09:00:00Z", "3300000", "RUB");

        int updated = jdbc.sql("UPDATE scheduled_tasks SET execution_time = now() "
                + "WHERE task_name = 'rebate-period-end'").update();
        assertThat(updated).isEqualTo(1);
        String rebateId = "rebate:" + partnerId + ":" + period;
        Conditions.await("the deadline accrues " + rebateId, () -> payloadsOf(rebateId).size() == 1);
        JsonNode event = JSON.readTree(payloadsOf(rebateId).get(0));
        assertThat(event.get("volume").decimalValue()).isEqualByComparingTo("3300000");
        assertThat(event.get("period").asText()).isEqualTo(period);
        Conditions.await("the deadline is due again at the next quarter", () -> jdbc.sql(
                        "SELECT execution_time FROM scheduled_tasks WHERE task_name = 'rebate-period-end'")
                .query(Timestamp.class).single().toInstant().equals(due));
        assertThat(payloadsOf(rebateId)).hasSize(1);
    }

    private List<String> payloadsOf(String aggregateId) {
        return jdbc.sql("SELECT convert_from(payload, 'UTF8') FROM domainevententry WHERE aggregateidentifier = :id "
                        + "ORDER BY sequencenumber")
                .param("id", aggregateId)
                .query(String.class)
                .list();
    }

    private void won(String partnerId, String line, String wonAt, String amount, String currency) {
        Instant at = Instant.parse(wonAt);
        jdbc.sql("""
                        INSERT INTO program_deal (registration_id, partner_id, product_line, expected_close_date,
                                                  submitted_at, won_amount, won_currency, won_at)
                        VALUES (:id, :partnerId, :line, :close, :submitted, :amount, :currency, :wonAt)""")
                .param("id", "R-" + java.util.UUID.randomUUID())
                .param("partnerId", partnerId)
                .param("line", line)
                .param("close", LocalDate.parse(wonAt.substring(0, 10)))
                .param("submitted", Timestamp.from(at.minusSeconds(30L * 86_400)))
                .param("amount", new java.math.BigDecimal(amount))
                .param("currency", currency)
                .param("wonAt", Timestamp.from(at))
                .update();
    }
}
