package com.leadledger.command.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.leadledger.integrity.receipt.Ed25519Keys;
import com.leadledger.integrity.receipt.Receipt;
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
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Signed receipts and the tamper-evident event store, on real PostgreSQL and Kafka over real HTTP. */
// Own context: its key directory is its own, holding a retired key before the service starts.
@DirtiesContext // close this context (Kafka clients, processors) while the shared servers are still up
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ReceiptIT {

    static final Path KEYS = tempDir();
    static String retiredKeyId;

    static Path tempDir() {
        try {
            Path dir = Files.createTempDirectory("receipt-keys");
            // a retired key: only its public half remains, as after a rotation
            var retired = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            retiredKeyId = "ed25519-20200101-retired0";
            Files.writeString(dir.resolve(retiredKeyId + ".public.pem"), Ed25519Keys.toPem(retired.getPublic()));
            return dir;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        RealInfrastructure.register(registry, "receipt_it");
        registry.add("leadledger.receipts.key-dir", KEYS::toString);
    }

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    DataSource dataSource;
    HttpApi http;
    String partnerId;

    @BeforeEach
    void setUp() {
        http = new HttpApi("http://localhost:" + port);
        partnerId = "P-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(http.post("/api/v1/partners", DevTokens.mint("admin", List.of("ADMIN"), null),
                "{\"partnerId\": \"" + partnerId + "\", \"name\": \"R\", \"tier\": \"GOLD\", "
                        + "\"productLines\": [\"NETWORK_SECURITY\"]}").status()).isEqualTo(201);
    }

    JsonNode submit() {
        var answer = http.post("/api/v1/registrations", DevTokens.mint("u", List.of("PARTNER"), partnerId), """
                {"customer": {"legalName": "Receipt Co", "country": "RU", "taxId": "%s"},
                 "productLine": "NETWORK_SECURITY", "estimatedValue": {"amount": "500000", "currency": "RUB"},
                 "expectedCloseDate": "%s"}""".formatted(Inns.random(), LocalDate.now().plusDays(30)));
        assertThat(answer.status()).as(answer.raw()).isEqualTo(201);
        return answer.body();
    }

    Receipt receiptOf(JsonNode response) throws Exception {
        return new ObjectMapper().treeToValue(response.get("receipt"), Receipt.class);
    }

    @Test
    void theReceiptVerifiesWithThePublishedKeyAndNamesTheStoredEventHash() throws Exception {
        JsonNode response = submit();
        Receipt receipt = receiptOf(response);
        assertThat(receipt.registrationId()).isEqualTo(response.get("registrationId").asText());
        assertThat(receipt.acceptedAt()).isEqualTo(response.get("acceptedAt").asText());
        assertThat(receipt.partnerId()).isEqualTo(partnerId);

        String storedHash = jdbc.sql("""
                        SELECT encode(event_hash, 'hex') FROM domainevententry
                        WHERE payloadtype LIKE '%RegistrationSubmitted'
                          AND convert_from(payload, 'UTF8')::jsonb ->> 'registrationId' = :id""")
                .param("id", receipt.registrationId()).query(String.class).single();
        assertThat(receipt.eventHash()).isEqualTo(storedHash);

        JsonNode jwks = http.get("/api/v1/audit/keys", null).body();
        assertThat(jwks.get("keys").findValuesAsText("kid")).contains(receipt.keyId(), retiredKeyId);
        String x = null;
        for (JsonNode key : jwks.get("keys")) {
            if (key.get("kid").asText().equals(receipt.keyId())) {
                x = key.get("x").asText();
            }
        }
        assertThat(Ed25519Keys.verify(receipt, Ed25519Keys.fromJwkX(x))).isTrue();
        Receipt forged = new Receipt(receipt.registrationId(), receipt.opportunityId(), receipt.partnerId(),
                "2020-01-01T00:00:00Z", receipt.eventHash(), receipt.keyId(), receipt.algorithm(), receipt.signature());
        assertThat(Ed25519Keys.verify(forged, Ed25519Keys.fromJwkX(x))).isFalse();
    }

    @Test
    void theReceiptVerifiesOfflineWithTheDocumentedOpensslCommands() throws Exception {
        Receipt receipt = receiptOf(submit());
        Path dir = Files.createTempDirectory("receipt-openssl");
        Files.writeString(dir.resolve("key.pem"), http.get("/api/v1/audit/keys/" + receipt.keyId() + ".pem", null).raw());
        Files.writeString(dir.resolve("receipt.txt"), receipt.canonical(), StandardCharsets.UTF_8);
        Files.write(dir.resolve("receipt.sig"), Base64.getDecoder().decode(receipt.signature()));

        assertThat(openssl(dir, "receipt.txt")).contains("Signature Verified Successfully");

        Files.writeString(dir.resolve("altered.txt"), receipt.canonical().replace("partnerId=" + partnerId,
                "partnerId=P-0000"), StandardCharsets.UTF_8);
        assertThat(openssl(dir, "altered.txt")).contains("Signature Verification Failure");
    }

    @Test
    void theEventStoreChainsEveryEventAndRefusesRewrites() {
        submit();
        long unchained = jdbc.sql("SELECT count(*) FROM domainevententry WHERE event_hash IS NULL OR previous_hash IS NULL")
                .query(Long.class).single();
        assertThat(unchained).isZero();
        long brokenLinks = jdbc.sql("""
                        SELECT count(*) FROM domainevententry e JOIN domainevententry p
                          ON p.aggregateidentifier = e.aggregateidentifier AND p.sequencenumber = e.sequencenumber - 1
                        WHERE e.previous_hash <> p.event_hash""").query(Long.class).single();
        assertThat(brokenLinks).isZero();
        long headsBehind = jdbc.sql("""
                        SELECT count(*) FROM stream_head h WHERE h.last_sequence <>
                          (SELECT max(sequencenumber) FROM domainevententry e WHERE e.aggregateidentifier = h.aggregateidentifier)""")
                .query(Long.class).single();
        assertThat(headsBehind).isZero();

        assertThat(refused("UPDATE domainevententry SET payload = payload WHERE sequencenumber = 0")).isTrue();
        assertThat(refused("DELETE FROM domainevententry WHERE sequencenumber = 0")).isTrue();
        assertThat(refused("TRUNCATE domainevententry")).isTrue();
    }

    /** Refused by the table's trigger even to the superuser (the service's own role may not even try). */
    boolean refused(String sql) {
        try {
            JdbcClient.create(RealInfrastructure.superuser(dataSource)).sql(sql).update();
            return false;
        } catch (org.springframework.dao.DataAccessException e) {
            return String.valueOf(e.getMostSpecificCause().getMessage()).contains("append-only");
        }
    }

    static String openssl(Path dir, String file) throws Exception {
        Process process = new ProcessBuilder("openssl", "pkeyutl", "-verify", "-pubin", "-inkey", "key.pem",
                "-rawin", "-in", file, "-sigfile", "receipt.sig")
                .directory(dir.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor();
        return output;
    }
}
