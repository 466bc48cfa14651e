package com.leadledger.query.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.leadledger.events.customer.CustomerIdentity;
import com.leadledger.events.dispute.DisputeOpened;
import com.leadledger.events.dispute.DisputeType;
import com.leadledger.events.registration.RegistrationSubmitted;
import com.leadledger.query.Fixtures;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code Accept: text/csv} on the list endpoints: the rows the JSON answer holds, for the same caller and filters,
 * as UTF-8 with a byte-order mark, RFC 4180 quoting, and formulas neutralised.
 */
class CsvExportIT extends QueryServiceITBase {

    static final String MANAGER = token("CHANNEL_MANAGER");
    static final String AUDITOR = token("AUDITOR");
    static final String FORMULA = "=HYPERLINK(\"https://evil.example\",\"Click, \"\"now\"\"\")";

    String partnerA;
    String partnerB;
    Fixtures.OpportunityStream shared;
    RegistrationSubmitted aFormula;
    RegistrationSubmitted bPlain;

    @BeforeEach
    void twoPartnersRegisterTheSameCustomerOneWithAFormulaAsItsName() {
        partnerA = uniquePartner("csv-A");
        partnerB = uniquePartner("csv-B");
        shared = new Fixtures.OpportunityStream("NETWORK_SECURITY");
        shared.opened();
        String key = shared.customerKey();
        aFormula = shared.submit(partnerA, new CustomerIdentity(FORMULA, "RU", key.startsWith("RU:") ? key : null,
                key.startsWith("RU:") ? "a.example" : key, "Москва; \"центр\"\nстрока 2"));
        bPlain = shared.submit(partnerB);
        publish(shared.envelopes());
        awaitRegistration(aFormula.registrationId(), MANAGER);
        awaitRegistration(bPlain.registrationId(), MANAGER);
    }

    @Test
    void aPartnersRegistrationsAreTheRowsOfItsJsonListAndNothingOfAnotherPartner() {
        Http.Response csv = http.get("/api/v1/registrations", partnerToken(partnerA), "text/csv");

        assertThat(csv.status()).as(csv.text()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv").containsIgnoringCase("charset=UTF-8");
        assertThat(csv.text()).startsWith("\uFEFF");
        List<CSVRecord> rows = parse(csv);
        JsonNode json = http.get("/api/v1/registrations", partnerToken(partnerA)).body();
        assertThat(column(rows, "registrationId")).containsExactlyElementsOf(values(json, "registrationId"));
        assertThat(column(rows, "registrationId")).containsExactly(aFormula.registrationId());
        assertThat(csv.text()).doesNotContain(partnerB).doesNotContain(bPlain.registrationId());
        assertThat(csv.header("X-Total-Count")).isEqualTo(json.get("total").asText());

        CSVRecord row = rows.get(0);
        assertThat(row.get("customer.legalName")).as("a formula is shown as text, never run").isEqualTo("'" + FORMULA);
        assertThat(row.get("customer.region")).as("quotes, separators and line breaks survive quoting")
                .isEqualTo("Москва; \"центр\"\nстрока 2");
        assertThat(row.get("estimatedValue.amount")).isEqualTo("1250000.00");
        assertThat(row.get("estimatedValue.currency")).isEqualTo("RUB");
    }

    @Test
    void staffListsGiveTheSameRowsAsJsonWithTheSameFilters() {
        String reviewPath = "/api/v1/review-queue?size=200";
        assertThat(column(parse(http.get(reviewPath, MANAGER, "text/csv")), "registrationId"))
                .containsExactlyElementsOf(values(http.get(reviewPath, MANAGER).body(), "registrationId"))
                .contains(aFormula.registrationId(), bPlain.registrationId());

        String filtered = "/api/v1/registrations?partnerId=" + partnerB;
        assertThat(column(parse(http.get(filtered, MANAGER, "text/csv")), "registrationId"))
                .containsExactly(bPlain.registrationId());

        Fixtures.DisputeStream dispute = new Fixtures.DisputeStream();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        dispute.add(new DisputeOpened(dispute.disputeId(), DisputeType.DUPLICATE_CLAIM, shared.opportunityId(),
                bPlain.registrationId(), partnerB, "PARTNER", "-1 for us", null, 1, now.plus(2, ChronoUnit.DAYS),
                now, 1), "user-of-" + partnerB, "PARTNER", partnerB);
        publish(dispute.envelopes());
        awaitJson("/api/v1/disputes/" + dispute.disputeId(), MANAGER, body -> true);
        String disputes = "/api/v1/disputes?level=1&size=200";
        List<CSVRecord> disputeRows = parse(http.get(disputes, MANAGER, "text/csv"));
        assertThat(column(disputeRows, "disputeId"))
                .containsExactlyElementsOf(values(http.get(disputes, MANAGER).body(), "disputeId"))
                .contains(dispute.disputeId());
        List<CSVRecord> ownDisputes = parse(http.get("/api/v1/disputes", partnerToken(partnerB), "text/csv"));
        assertThat(column(ownDisputes, "disputeId")).containsExactly(dispute.disputeId());
        assertThat(ownDisputes.get(0).get("description")).isEqualTo("'-1 for us");
    }

    @Test
    void auditListsGiveTheSameEventsAsJsonWithTheirChainLinks() {
        String events = "/api/v1/audit/events?aggregateId=" + shared.opportunityId();
        List<CSVRecord> rows = parse(http.get(events, AUDITOR, "text/csv"));
        assertThat(column(rows, "eventId")).containsExactlyElementsOf(values(http.get(events, AUDITOR).body(), "eventId"))
                .hasSize(3);
        assertThat(column(rows, "eventHash")).allSatisfy(hash -> assertThat(hash).hasSize(64));
        assertThat(rows.get(1).get("payload")).as("free-form JSON stays one cell").contains(aFormula.registrationId());

        String timeline = "/api/v1/audit/partners/" + partnerA + "/timeline";
        assertThat(column(parse(http.get(timeline, AUDITOR, "text/csv")), "eventId"))
                .containsExactlyElementsOf(values(http.get(timeline, AUDITOR).body(), "eventId"));
    }

    @Test
    void csvKeepsTheJsonAnswersAuthorizationAndProblemsAndJsonStaysTheDefault() {
        assertThat(http.get("/api/v1/review-queue", partnerToken(partnerA), "text/csv").status()).isEqualTo(403);
        assertThat(http.get("/api/v1/audit/events?aggregateId=x", MANAGER, "text/csv").status()).isEqualTo(403);
        assertThat(http.get("/api/v1/registrations", null, "text/csv").status()).isEqualTo(401);

        Http.Response invalid = http.get("/api/v1/registrations?status=NOPE", MANAGER, "text/csv");
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.contentType()).startsWith("application/problem+json");
        assertThat(invalid.body().get("errors").get(0).get("field").asText()).isEqualTo("status");

        for (String accept : List.of("*/*", "application/json, text/csv;q=0.5")) {
            Http.Response any = http.get("/api/v1/registrations", partnerToken(partnerA), accept);
            assertThat(any.contentType()).as(accept).startsWith("application/json");
        }
    }

    static List<CSVRecord> parse(Http.Response csv) {
        assertThat(csv.status()).as(csv.text()).isEqualTo(200);
        try {
            return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                    .parse(new StringReader(csv.text().substring(1))).getRecords();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> column(List<CSVRecord> rows, String name) {
        List<String> values = new ArrayList<>();
        rows.forEach(row -> values.add(row.get(name)));
        return values;
    }

    static List<String> values(JsonNode page, String field) {
        List<String> values = new ArrayList<>();
        page.get("items").forEach(item -> values.add(item.get(field).asText()));
        return values;
    }
}
