package com.leadledger.command.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.leadledger.localruntime.DevTokens;
import com.leadledger.testsupport.HttpApi;
import com.leadledger.testsupport.Inns;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A partner imports registrations from a CSV file over HTTP: the file is kept whole or refused whole, each row is filed
 * through the rules of a single submission (accepted with a receipt, or refused with the code and fields a single
 * submission would get), sending the file again changes nothing, and only its sender reads the import.
 */
class RegistrationImportIT extends CommandServiceITBase {

    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient CLIENT = HttpClient.newHttpClient();
    static final String HEADER = "legalName;country;taxId;productLine;amount;currency;expectedCloseDate;description";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    HttpApi http;
    String partnerId;
    String token;

    record Answer(int status, String contentType, String location, JsonNode body) {
    }

    @BeforeEach
    void setUp() {
        http = new HttpApi("http://localhost:" + port);
        partnerId = Onboarding.onboardGold(http);
        token = Onboarding.tokenOf(partnerId);
    }

    @Test
    void eachRowIsFiledThroughTheRulesOfASingleSubmissionAndSendingTheFileAgainChangesNothing() throws Exception {
        String close = LocalDate.now().plusDays(90).toString();
        String inn = Inns.random();
        String file = "\uFEFF" + HEADER + "\r\n"
                + "ООО «Ромашка»;RU;" + inn + ";NETWORK_SECURITY;1250000.00;RUB;" + close + ";\"Roll-out; phase 1\"\r\n"
                + "ООО «Россия»;Russia;" + Inns.random() + ";NETWORK_SECURITY;1250000.00;RUB;" + close + ";\r\n"
                + "ООО «Дата»;RU;" + Inns.random() + ";NETWORK_SECURITY;1250000.00;RUB;31.12.2027;\r\n"
                + "ООО «Ромашка»;RU;" + inn + ";NETWORK_SECURITY;1250000.00;RUB;" + close + ";again\r\n"
                + "ООО «Дорого»;RU;" + Inns.random() + ";DATA_CENTER;1250000.00;RUB;" + close + ";\r\n";

        Answer started = upload(file, token);

        assertThat(started.status()).as(started.body().toString()).isEqualTo(202);
        assertThat(started.location()).startsWith("/api/v1/registrations/imports/");
        assertThat(started.body().get("rows").asInt()).isEqualTo(5);
        JsonNode report = awaitFinished(started.location());
        assertThat(report.get("accepted").asInt()).isEqualTo(1);
        assertThat(report.get("refused").asInt()).isEqualTo(4);
        assertThat(report.get("percentDone").asInt()).isEqualTo(100);
        JsonNode rows = report.get("items").get("items");

        JsonNode accepted = rows.get(0);
        assertThat(accepted.get("outcome").asText()).isEqualTo("ACCEPTED");
        String registrationId = accepted.get("registrationId").asText();
        assertThat(accepted.get("receipt").get("registrationId").asText()).isEqualTo(registrationId);
        assertThat(accepted.get("receipt").get("opportunityId").asText())
                .isEqualTo(accepted.get("opportunityId").asText());
        assertThat(Instant.parse(accepted.get("receipt").get("acceptedAt").asText()).truncatedTo(ChronoUnit.MICROS))
                .isEqualTo(Instant.parse(accepted.get("acceptedAt").asText()));
        assertThat(accepted.get("receipt").get("signature").asText()).isNotBlank();
        JsonNode stored = JSON.readTree(jdbc.sql("""
                        SELECT convert_from(metadata, 'UTF8') FROM domainevententry
                        WHERE payloadtype LIKE '%RegistrationSubmitted' AND convert_from(payload, 'UTF8') LIKE :id""")
                .param("id", "%" + registrationId + "%").query(String.class).single());
        assertThat(stored.get("actorId").asText()).as("filed as the partner's user who sent the file")
                .isEqualTo("user-of-" + partnerId);
        assertThat(stored.get("partnerId").asText()).isEqualTo(partnerId);
        assertThat(stored.get("correlationId").asText()).isEqualTo("import:" + report.get("importId").asText());

        assertRefused(rows.get(1), "VALIDATION_FAILED", "customer.country");
        assertRefused(rows.get(2), "VALIDATION_FAILED", "expectedCloseDate");
        assertThat(rows.get(3).get("outcome").asText()).isEqualTo("REFUSED");
        assertThat(rows.get(3).get("problem").get("code").asText()).as("the same partner on the same deal twice")
                .isNotBlank().isNotEqualTo("VALIDATION_FAILED");
        assertThat(rows.get(4).get("outcome").asText()).isEqualTo("REFUSED");
        assertThat(rows.get(4).get("problem").get("code").asText()).as("the partner is not authorised for it")
                .isEqualTo("PRODUCT_LINE_NOT_AUTHORIZED");

        long submissions = submissionsOf(partnerId);
        Answer again = upload(file, token);
        assertThat(again.status()).isEqualTo(202);
        assertThat(again.location()).as("the same file is the same import").isEqualTo(started.location());
        assertThat(again.body().get("status").asText()).isEqualTo("FINISHED");
        assertThat(submissionsOf(partnerId)).isEqualTo(submissions).isEqualTo(1);
    }

    @Test
    void aMalformedFileIsRefusedWholeNamingWhereAndNothingIsKept() throws Exception {
        String close = LocalDate.now().plusDays(90).toString();
        String row = "ООО «Ромашка»;RU;" + Inns.random() + ";NETWORK_SECURITY;1250000.00;RUB;" + close + ";x\r\n";
        long importsBefore = jdbc.sql("SELECT count(*) FROM registration_import").query(Long.class).single();

        assertMalformed(upload(HEADER.replace("taxId", "inn") + "\r\n" + row, token), "header.inn");
        assertMalformed(upload(HEADER.replace("legalName;", "") + "\r\n" + row, token), "header.legalName");
        assertMalformed(upload(HEADER + "\r\n" + row + "too;few;cells\r\n", token), "row 2");
        assertMalformed(upload(HEADER + "\r\n" + row.replace(";x", ";\"unclosed"), token), "file");
        assertMalformed(upload(HEADER + "\r\n", token), "file");

        assertThat(jdbc.sql("SELECT count(*) FROM registration_import").query(Long.class).single())
                .isEqualTo(importsBefore);
        assertThat(submissionsOf(partnerId)).isZero();
    }

    @Test
    void onlyThePartnerThatSentTheFileReadsItsImport() throws Exception {
        String close = LocalDate.now().plusDays(90).toString();
        Answer started = upload(HEADER + "\n" + "OOO Alpha;RU;" + Inns.random() + ";NETWORK_SECURITY;1250000.00;RUB;"
                + close + ";\n", token);
        assertThat(started.status()).isEqualTo(202);

        String other = Onboarding.tokenOf(Onboarding.onboardGold(http));
        assertThat(get(started.location(), other).status()).isEqualTo(404);
        assertThat(get(started.location(), token).status()).isEqualTo(200);
        String manager = DevTokens.mint("manager-1", List.of("CHANNEL_MANAGER"), null);
        assertThat(upload(HEADER + "\n", manager).status()).isEqualTo(403);
        assertThat(get(started.location(), manager).status()).isEqualTo(403);
    }

    @Test
    void tenThousandRowsAreAllFiledAndTheImportShowsItsProgressOnTheWay() throws Exception {
        String close = LocalDate.now().plusDays(120).toString();
        StringBuilder file = new StringBuilder("legalName,country,taxId,productLine,amount,currency,expectedCloseDate\n");
        List<String> customers = Inns.distinct(10_000);
        for (int i = 0; i < customers.size(); i++) {
            file.append("OOO Customer ").append(i).append(",RU,").append(customers.get(i))
                    .append(",NETWORK_SECURITY,1250000.00,RUB,").append(close).append('\n');
        }

        Answer started = upload(file.toString(), token);
        assertThat(started.status()).as(String.valueOf(started.body())).isEqualTo(202);
        List<Integer> progress = new ArrayList<>();
        AtomicInteger last = new AtomicInteger();
        await().atMost(Duration.ofMinutes(12)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            JsonNode report = get(started.location(), token).body();
            int done = report.get("percentDone").asInt();
            if (done != last.getAndSet(done)) {
                progress.add(done);
            }
            return "FINISHED".equals(report.get("status").asText());
        });

        JsonNode report = get(started.location(), token).body();
        assertThat(report.get("accepted").asInt()).as(report.toString()).isEqualTo(10_000);
        assertThat(progress).as("seen on the way").anySatisfy(done -> assertThat(done).isBetween(1, 99));
        assertThat(progress).last().isEqualTo(100);
        assertThat(submissionsOf(partnerId)).isEqualTo(10_000);
    }

    private void assertRefused(JsonNode row, String code, String field) {
        assertThat(row.get("outcome").asText()).as(row.toString()).isEqualTo("REFUSED");
        assertThat(row.get("registrationId").isNull()).isTrue();
        assertThat(row.get("problem").get("code").asText()).isEqualTo(code);
        List<String> fields = new ArrayList<>();
        row.get("problem").get("errors").forEach(e -> fields.add(e.get("field").asText()));
        assertThat(fields).as(row.toString()).contains(field);
    }

    private static void assertMalformed(Answer answer, String where) {
        assertThat(answer.status()).as(String.valueOf(answer.body())).isEqualTo(400);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.body().get("code").asText()).isEqualTo("IMPORT_FILE_INVALID");
        List<String> fields = new ArrayList<>();
        answer.body().get("errors").forEach(e -> fields.add(e.get("field").asText()));
        assertThat(fields).contains(where);
    }

    private long submissionsOf(String partner) {
        return jdbc.sql("SELECT count(*) FROM registration_lookup WHERE partner_id = :partner")
                .param("partner", partner).query(Long.class).single();
    }

    private JsonNode awaitFinished(String location) throws IOException, InterruptedException {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> "FINISHED".equals(get(location, token).body().get("status").asText()));
        return get(location, token).body();
    }

    private Answer upload(String csv, String bearer) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/registrations/imports"))
                .header("Content-Type", "text/csv; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(csv, StandardCharsets.UTF_8)), bearer);
    }

    private Answer get(String path, String bearer) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET(), bearer);
    }

    private static Answer send(HttpRequest.Builder request, String bearer) throws IOException, InterruptedException {
        HttpResponse<String> response = CLIENT.send(request.header("Authorization", "Bearer " + bearer)
                .header("Accept", "application/json").timeout(Duration.ofSeconds(60)).build(),
                HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                response.headers().firstValue("Location").orElse(null),
                response.body().isBlank() ? null : JSON.readTree(response.body()));
    }
}
