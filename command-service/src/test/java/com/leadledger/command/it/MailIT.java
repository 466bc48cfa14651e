package com.leadledger.command.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.leadledger.localruntime.DevTokens;
import com.leadledger.testsupport.HttpApi;
import com.leadledger.testsupport.Inns;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * E-mail through a real SMTP server (GreenMail): every kind of message reaches its recipients once, in each
 * recipient's language, and a reminder that falls due while the service is down is sent once after it is back (the
 * service is stopped and started again on the same database). Partner contacts are set through the API.
 */
// A service of its own, not the shared test context: it stops it and needs an SMTP server.
class MailIT {

    static final String DB = "mail_it_" + UUID.randomUUID().toString().substring(0, 8);
    static final String MANAGER = DevTokens.mint("manager-1", List.of("CHANNEL_MANAGER"), null);
    static final String DIRECTOR = DevTokens.mint("director-1", List.of("CHANNEL_DIRECTOR"), null);
    static final String DIRECTOR_MAILBOX = "director@vendor.example";

    static GreenMail smtp;
    static Map<String, Object> properties;

    @BeforeAll
    static void smtpServer() {
        smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        smtp.start();
        properties = RealInfrastructure.ownServiceSettings(DB);
        properties.put("leadledger.rate-limit.per-second", 0);
        properties.put("leadledger.rate-limit.read-per-second", 0);
        properties.put("leadledger.rate-limit.anonymous-per-second", 0);
        properties.put("leadledger.mail.enabled", true);
        properties.put("leadledger.mail.send-interval", "200ms");
        properties.put("leadledger.mail.staff.CHANNEL_DIRECTOR", DIRECTOR_MAILBOX + ":ru");
        properties.put("spring.mail.host", "127.0.0.1");
        properties.put("spring.mail.port", smtp.getSmtp().getPort());
    }

    @AfterAll
    static void stopSmtp() {
        smtp.stop();
    }

    static ConfigurableApplicationContext startService() {
        return RealInfrastructure.startOwnService(properties);
    }

    @Test
    void everyMessageIsSentOnceInItsRecipientsLanguageAcrossARestart() throws Exception {
        ConfigurableApplicationContext service = startService();
        JdbcClient jdbc = JdbcClient.create(RealInfrastructure.superuser(service.getBean(DataSource.class)));
        String base = RealInfrastructure.baseUrl(service);
        HttpApi http = new HttpApi(base);
        String a = Onboarding.onboard(http, "GOLD", List.of("NETWORK_SECURITY"));
        String b = Onboarding.onboard(http, "SILVER", List.of("NETWORK_SECURITY"));
        String mailOfA = "sales@" + a.toLowerCase() + ".example";
        String mailOfB = "deals@" + b.toLowerCase() + ".example";

        // contacts: the partner itself or ADMIN; another partner's id is not found; a bad address names its field
        assertThat(put(base, a, Onboarding.tokenOf(a), "[{\"email\": \"" + mailOfA + "\", \"language\": \"ru\"}]")
                .statusCode()).isEqualTo(200);
        assertThat(put(base, b, Onboarding.ADMIN, "[{\"email\": \"" + mailOfB + "\", \"language\": \"EN\"}]")
                .statusCode()).isEqualTo(200);
        assertThat(put(base, a, Onboarding.tokenOf(b), "[]").statusCode()).isEqualTo(404);
        assertThat(put(base, a, MANAGER, "[]").statusCode()).isEqualTo(403);
        var invalid = put(base, b, Onboarding.tokenOf(b), "[{\"email\": \"not an address\", \"language\": \"de\"}]");
        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat(invalid.body()).contains("contacts[0].email", "contacts[0].language");

        String inn = Inns.random();
        String idA = submit(http, a, inn).get("registrationId").asText();
        var regB = submit(http, b, inn);
        String idB = regB.get("registrationId").asText();
        String opp = regB.get("opportunityId").asText();

        // A's review SLA passes: escalated to the channel director, who is mailed (in Russian)
        bringDue(jdbc, "AxonDeadline", idA);
        awaitMail(jdbc, DIRECTOR_MAILBOX, "REVIEW_SLA_BREACHED");
        assertThat(http.post("/api/v1/registrations/" + idA + "/approve", DIRECTOR, "{\"discountPercent\": 10}")
                .status()).isEqualTo(200);
        assertThat(http.post("/api/v1/opportunities/" + opp + "/support", DIRECTOR,
                "{\"action\": \"GRANT\", \"registrationId\": \"" + idA + "\"}").status()).isEqualTo(200);

        // B's duplicate claim against A: level 1's SLA passes (director mailed), the director upholds it
        var claim = http.post("/api/v1/disputes", Onboarding.tokenOf(b), """
                {"type": "DUPLICATE_CLAIM", "registrationId": "%s", "description": "we met the customer first"}"""
                .formatted(idB));
        assertThat(claim.status()).as(claim.raw()).isEqualTo(201);
        String disputeId = claim.text("disputeId");
        assertThat(http.post("/api/v1/disputes/" + disputeId + "/respondent", MANAGER, """
                {"partnerId": "%s", "registrationId": "%s"}""".formatted(a, idA)).status()).isEqualTo(200);
        bringDue(jdbc, "AxonDeadline", disputeId);
        awaitMail(jdbc, DIRECTOR_MAILBOX, "DISPUTE_SLA_BREACHED");
        var ruling = http.post("/api/v1/disputes/" + disputeId + "/ruling", DIRECTOR, """
                {"outcome": "UPHELD", "rationale": "B's first meeting is documented", "rightfulRegistrationId": "%s"}"""
                .formatted(idB));
        assertThat(ruling.status()).as(ruling.raw()).isEqualTo(200);

        // the ruling lets B's registration be approved and take the support from A, who is told
        Conditions.await("B's registration can be approved once the ruling is recorded", () -> http.post(
                "/api/v1/registrations/" + idB + "/approve", DIRECTOR,
                "{\"discountPercent\": 5, \"rulingDisputeId\": \"" + disputeId + "\"}").status() == 200);
        var move = http.post("/api/v1/opportunities/" + opp + "/support", DIRECTOR, """
                {"action": "MOVE", "registrationId": "%s", "reasonCode": "ARBITRATION_RULING",
                 "rulingDisputeId": "%s"}""".formatted(idB, disputeId));
        assertThat(move.status()).as(move.raw()).isEqualTo(200);
        awaitMail(jdbc, mailOfA, "SUPPORT_MOVED_AWAY");
        awaitMail(jdbc, mailOfA, "RULING_ISSUED");
        awaitMail(jdbc, mailOfB, "RULING_ISSUED");
        assertThat(reminders(jdbc, idA)).as("A's expiry reminder is a persistent deadline").isEqualTo(1);

        // A's protection is extended: a reminder for the new end; B withdraws: its reminder is void
        var extension = http.post("/api/v1/registrations/" + idA + "/extension-requests", Onboarding.tokenOf(a),
                "{\"reason\": \"the customer moved its budget meeting\"}");
        assertThat(extension.status()).as(extension.raw()).isEqualTo(201);
        var granted = http.post("/api/v1/registrations/" + idA + "/extension-requests/"
                + extension.text("extensionRequestId") + "/grant", DIRECTOR, "{}");
        assertThat(granted.status()).as(granted.raw()).isEqualTo(200);
        assertThat(reminders(jdbc, idA)).isEqualTo(2);
        var withdrawn = http.post("/api/v1/registrations/" + idB + "/withdraw", Onboarding.tokenOf(b), "{}");
        assertThat(withdrawn.status()).as(withdrawn.raw()).isEqualTo(200);
        assertThat(reminders(jdbc, idB)).isEqualTo(1);

        // the service stops; every expiry reminder falls due meanwhile; once back, only the one for A's current
        // protection end is sent, once
        service.close();
        bringDue(jdbc, "mail-expiry-reminder", idA);
        bringDue(jdbc, "mail-expiry-reminder", idB);
        ConfigurableApplicationContext restarted = startService();
        try {
            awaitMail(jdbc, mailOfA, "PROTECTION_EXPIRING");
            Conditions.await("every expiry reminder ran", () -> reminders(jdbc, idA) + reminders(jdbc, idB) == 0);
            String extensionEvent = jdbc.sql("""
                            SELECT eventidentifier FROM domainevententry
                            WHERE aggregateidentifier = :opp AND payloadtype LIKE '%ExtensionGranted'""")
                    .param("opp", opp).query(String.class).single();
            assertThat(jdbc.sql("SELECT cause_event_id FROM mail_message WHERE kind = 'PROTECTION_EXPIRING'")
                    .query(String.class).list()).as("the reminder of the extended protection").containsExactly(
                    extensionEvent);
            Conditions.await("every recorded message is sent", () -> jdbc.sql(
                    "SELECT count(*) FROM mail_message WHERE status <> 'SENT'").query(Long.class).single() == 0);
            Conditions.await("GreenMail received every message",
                    () -> smtp.getReceivedMessages().length == sentCount(jdbc));

            List<String> received = new ArrayList<>();
            for (MimeMessage message : smtp.getReceivedMessages()) {
                received.add(message.getRecipients(Message.RecipientType.TO)[0] + " | " + message.getSubject());
            }
            assertThat(received).as("each message once, in the recipient's language").containsExactlyInAnyOrder(
                    DIRECTOR_MAILBOX + " | Lead Ledger: просрочено рассмотрение регистрации " + idA + " (уровень 2)",
                    DIRECTOR_MAILBOX + " | Lead Ledger: спор " + disputeId + " передан на уровень 2",
                    mailOfA + " | Lead Ledger: вынесено решение по спору " + disputeId,
                    mailOfB + " | Lead Ledger: ruling issued on dispute " + disputeId,
                    mailOfA + " | Lead Ledger: поддержка вендора снята с регистрации " + idA,
                    mailOfA + " | Lead Ledger: защита регистрации " + idA + " заканчивается через 10 рабочих дн.");
            for (MimeMessage message : smtp.getReceivedMessages()) {
                String to = message.getRecipients(Message.RecipientType.TO)[0].toString();
                String body = (String) message.getContent();
                if (to.equals(mailOfB)) {
                    assertThat(body).as("the complainant never learns the respondent").doesNotContain(a, idA);
                    assertThat(body).contains("upheld");
                }
                if (to.equals(mailOfA) && message.getSubject().contains(disputeId)) {
                    assertThat(body).doesNotContain(b, idB).contains("жалоба удовлетворена");
                }
            }
            assertThat(jdbc.sql("SELECT count(*) FROM mail_message WHERE cause_event_id IS NOT NULL "
                    + "AND smtp_outcome IS NOT NULL AND sent_at IS NOT NULL").query(Long.class).single())
                    .isEqualTo(6);
        } finally {
            restarted.close();
        }
    }

    static JsonNode submit(HttpApi http, String partner, String inn) {
        var answer = http.post("/api/v1/registrations", Onboarding.tokenOf(partner), """
                {"customer": {"legalName": "ООО Почта", "country": "RU", "taxId": "%s"},
                 "productLine": "NETWORK_SECURITY",
                 "estimatedValue": {"amount": "1250000.00", "currency": "RUB"},
                 "expectedCloseDate": "%s"}""".formatted(inn, LocalDate.now().plusDays(60)));
        assertThat(answer.status()).as(answer.raw()).isEqualTo(201);
        return answer.body();
    }

    static HttpResponse<String> put(String baseUrl, String partnerId, String token, String contacts)
            throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                                URI.create(baseUrl + "/api/v1/partners/" + partnerId + "/contacts"))
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", "application/json")
                        .PUT(HttpRequest.BodyPublishers.ofString("{\"contacts\": " + contacts + "}")).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Makes the stored deadlines of a task that mention the id due now, as if the time had gone by. */
    static void bringDue(JdbcClient jdbc, String task, String id) {
        int updated = jdbc.sql("UPDATE scheduled_tasks SET execution_time = now() WHERE task_name = :task "
                        + "AND (convert_from(task_data, 'UTF8') LIKE :id OR task_instance LIKE :id)")
                .param("task", task).param("id", "%" + id + "%").update();
        assertThat(updated).as("deadlines of %s for %s", task, id).isPositive();
    }

    static void awaitMail(JdbcClient jdbc, String recipient, String kind) {
        Conditions.await(kind + " to " + recipient + " is sent", () -> jdbc.sql("""
                        SELECT count(*) FROM mail_message WHERE recipient = :to AND kind = :kind AND status = 'SENT'""")
                .param("to", recipient).param("kind", kind).query(Long.class).single() == 1);
    }

    static long sentCount(JdbcClient jdbc) {
        return jdbc.sql("SELECT count(*) FROM mail_message WHERE status = 'SENT'").query(Long.class).single();
    }

    static long reminders(JdbcClient jdbc, String registrationId) {
        return jdbc.sql("SELECT count(*) FROM scheduled_tasks WHERE task_name = 'mail-expiry-reminder' "
                + "AND task_instance LIKE :id").param("id", registrationId + "@%").query(Long.class).single();
    }
}
