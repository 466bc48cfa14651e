package com.leadledger.command.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.leadledger.integrity.chain.ChainBreak;
import com.leadledger.integrity.history.JdbcHistoryVerifier;
import com.leadledger.localruntime.DevTokens;
import com.leadledger.testsupport.HttpApi;
import com.leadledger.testsupport.Inns;
import com.leadledger.testsupport.TestInfrastructure;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import javax.sql.DataSource;
import java.sql.Connection;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tampering with a copy of real event rows, as a database owner could (the copy has no triggers): every kind of
 * single-event change is caught and the verifier names where.
 */
// Own context: it copies and tampers with the whole history of its database.
@DirtiesContext // close this context (Kafka clients, processors) while the shared servers are still up
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TamperDetectionIT {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        RealInfrastructure.register(registry, "tamper_it");
    }

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    DataSource dataSource;

    static String opportunity;

    @BeforeEach
    void history() {
        if (opportunity != null) {
            return;
        }
        HttpApi http = new HttpApi("http://localhost:" + port);
        String admin = DevTokens.mint("admin", List.of("ADMIN"), null);
        String inn = Inns.random();
        for (String partner : List.of("P-T1", "P-T2", "P-T3")) {
            http.post("/api/v1/partners", admin, "{\"partnerId\": \"" + partner + "\", \"name\": \"T\", \"tier\": \"GOLD\", "
                    + "\"productLines\": [\"NETWORK_SECURITY\"]}");
            JsonNode answer = http.post("/api/v1/registrations", DevTokens.mint("u", List.of("PARTNER"), partner), """
                    {"customer": {"legalName": "Tamper", "country": "RU", "taxId": "%s"},
                     "productLine": "NETWORK_SECURITY", "estimatedValue": {"amount": "500000", "currency": "RUB"},
                     "expectedCloseDate": "%s"}""".formatted(inn, LocalDate.now().plusDays(30))).body();
            opportunity = answer.get("opportunityId").asText();
        }
    }

    /**
     * A fresh trigger-less copy of the event rows and heads; the tampering statement runs on the copy (as the
     * superuser: the service's own role may create no table).
     */
    JdbcHistoryVerifier.Report tamperWith(String... statements) throws Exception {
        DataSource superuser = RealInfrastructure.superuser(dataSource);
        JdbcClient tamper = JdbcClient.create(superuser);
        tamper.sql("DROP TABLE IF EXISTS copy_events").update();
        tamper.sql("DROP TABLE IF EXISTS copy_heads").update();
        tamper.sql("CREATE TABLE copy_events AS SELECT * FROM domainevententry").update();
        tamper.sql("CREATE TABLE copy_heads AS SELECT * FROM stream_head").update();
        for (String statement : statements) {
            tamper.sql(statement.replace(":opp", "'" + opportunity + "'")).update();
        }
        try (Connection connection = superuser.getConnection()) {
            return JdbcHistoryVerifier.verify(connection, "copy_events", "copy_heads", null, null);
        }
    }

    String eventId(long sequence) {
        return jdbc.sql("SELECT eventidentifier FROM domainevententry WHERE aggregateidentifier = :opp AND sequencenumber = :seq")
                .param("opp", opportunity).param("seq", sequence).query(String.class).single();
    }

    @Test
    void theUntouchedHistoryVerifies() throws Exception {
        var report = tamperWith();
        assertThat(report.intact()).as(report.firstBreak().map(ChainBreak::describe).orElse("")).isTrue();
        long copied = JdbcClient.create(RealInfrastructure.superuser(dataSource))
                .sql("SELECT count(*) FROM copy_events").query(Long.class).single();
        assertThat(report.events()).as("every event of the copy is checked").isEqualTo(copied);
        try (Connection connection = dataSource.getConnection()) {
            assertThat(JdbcHistoryVerifier.verify(connection, "domainevententry", "stream_head", null, null).intact()).isTrue();
        }
    }

    @Test
    void aModifiedEventIsNamed() throws Exception {
        // sequence 3 is partner P-T2's RegistrationSubmitted: claim it for another partner
        var report = tamperWith("""
                UPDATE copy_events SET payload = convert_to(replace(convert_from(payload, 'UTF8'), 'P-T2', 'P-T9'), 'UTF8')
                WHERE aggregateidentifier = :opp AND sequencenumber = 3""");
        assertThat(report.firstBreak()).hasValueSatisfying(b -> {
            assertThat(b.kind()).isEqualTo("HASH_MISMATCH");
            assertThat(b.streamId()).isEqualTo(opportunity);
            assertThat(b.sequenceNumber()).isEqualTo(3);
            assertThat(b.eventId()).isEqualTo(eventId(3));
            assertThat(b.expected()).isNotEqualTo(b.found());
        });
    }

    @Test
    void aDeletedEventIsNamed() throws Exception {
        var report = tamperWith("DELETE FROM copy_events WHERE aggregateidentifier = :opp AND sequencenumber = 2");
        assertThat(report.firstBreak()).hasValueSatisfying(b -> {
            assertThat(b.kind()).isEqualTo("SEQUENCE_GAP");
            assertThat(b.sequenceNumber()).isEqualTo(3);
            assertThat(b.expected()).isEqualTo("2");
        });
    }

    @Test
    void theDeletedLastEventOfAStreamIsNamed() throws Exception {
        long last = jdbc.sql("SELECT max(sequencenumber) FROM domainevententry WHERE aggregateidentifier = :opp")
                .param("opp", opportunity).query(Long.class).single();
        var report = tamperWith("DELETE FROM copy_events WHERE aggregateidentifier = :opp AND sequencenumber = " + last);
        assertThat(report.firstBreak()).hasValueSatisfying(b -> {
            assertThat(b.kind()).isEqualTo("HEAD_MISMATCH");
            assertThat(b.streamId()).isEqualTo(opportunity);
            assertThat(b.expected()).contains("last sequence " + last);
        });
    }

    @Test
    void anInsertedEventIsNamed() throws Exception {
        var report = tamperWith(
                "UPDATE copy_events SET sequencenumber = sequencenumber + 1 WHERE aggregateidentifier = :opp AND sequencenumber >= 3",
                """
                INSERT INTO copy_events (globalindex, aggregateidentifier, sequencenumber, type, eventidentifier, metadata,
                    payload, payloadrevision, payloadtype, timestamp, previous_hash, event_hash)
                SELECT 999999, aggregateidentifier, 3, type, 'forged-event', metadata, payload, payloadrevision,
                    payloadtype, timestamp, event_hash, sha256(event_hash)
                FROM copy_events WHERE aggregateidentifier = :opp AND sequencenumber = 2""");
        assertThat(report.firstBreak()).hasValueSatisfying(b -> {
            assertThat(b.kind()).isEqualTo("HASH_MISMATCH");
            assertThat(b.sequenceNumber()).isEqualTo(3);
            assertThat(b.eventId()).isEqualTo("forged-event");
        });
    }

    @Test
    void reorderedEventsAreNamed() throws Exception {
        var report = tamperWith(
                "UPDATE copy_events SET sequencenumber = -1 WHERE aggregateidentifier = :opp AND sequencenumber = 2",
                "UPDATE copy_events SET sequencenumber = 2 WHERE aggregateidentifier = :opp AND sequencenumber = 4",
                "UPDATE copy_events SET sequencenumber = 4 WHERE aggregateidentifier = :opp AND sequencenumber = -1");
        assertThat(report.firstBreak()).hasValueSatisfying(b -> {
            assertThat(b.kind()).isEqualTo("LINK_MISMATCH");
            assertThat(b.sequenceNumber()).isEqualTo(2);
            assertThat(b.eventId()).isEqualTo(eventId(4));
        });
    }
}
