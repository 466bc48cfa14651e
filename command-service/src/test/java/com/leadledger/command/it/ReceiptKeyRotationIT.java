package com.leadledger.command.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.leadledger.integrity.receipt.Ed25519Keys;
import com.leadledger.integrity.receipt.Receipt;
import com.leadledger.integrity.receipt.ReceiptKeyRing;
import com.leadledger.localruntime.DevTokens;
import com.leadledger.testsupport.HttpApi;
import com.leadledger.testsupport.Inns;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Receipt key rotation (docs/audit.md, docs/operations.md), over real HTTP on one database across restarts: a receipt
 * signed before a rotation still verifies with the keys the service publishes after it (the retired key's public half
 * stays in the ring); {@code LEADLEDGER_RECEIPT_KEY_ID} chooses which private key signs new receipts, even when a newer
 * one is present; and outside the local profile the service refuses to start without a signing key, naming the setting.
 */
class ReceiptKeyRotationIT {

    static final ObjectMapper JSON = new ObjectMapper();
    /** One database and topic for every start: the restarts share the history. */
    static final Map<String, Object> INFRASTRUCTURE = RealInfrastructure.ownServiceSettings("receipt_rotation_it");

    /** A service of its own (each start has its own key settings), as command-line arguments over application.yml. */
    static ConfigurableApplicationContext start(Path keyDir, Map<String, Object> settings) {
        Map<String, Object> properties = new HashMap<>(INFRASTRUCTURE);
        properties.put("leadledger.receipts.key-dir", keyDir.toString());
        properties.put("leadledger.receipts.generate-if-missing", false);
        properties.putAll(settings);
        return RealInfrastructure.startOwnService(properties);
    }

    static Receipt submit(HttpApi http, String partnerId) throws Exception {
        var answer = http.post("/api/v1/registrations", DevTokens.mint("u", List.of("PARTNER"), partnerId), """
                {"customer": {"legalName": "Rotation Co", "country": "RU", "taxId": "%s"},
                 "productLine": "NETWORK_SECURITY", "estimatedValue": {"amount": "500000", "currency": "RUB"},
                 "expectedCloseDate": "%s"}""".formatted(Inns.random(), LocalDate.now().plusDays(30)));
        assertThat(answer.status()).as(answer.raw()).isEqualTo(201);
        return JSON.treeToValue(answer.body().get("receipt"), Receipt.class);
    }

    /** As the verification tool does it: the receipt's key among the published ones (JWK set), and its signature. */
    static boolean verifiesWithPublishedKeys(HttpApi http, Receipt receipt) {
        JsonNode keys = http.get("/api/v1/audit/keys", null).body().path("keys");
        for (JsonNode key : keys) {
            if (key.path("kid").asText().equals(receipt.keyId())) {
                return Ed25519Keys.verify(receipt, Ed25519Keys.fromJwkX(key.path("x").asText()));
            }
        }
        return false;
    }

    @Test
    void aReceiptSignedBeforeARotationVerifiesAfterItAndTheConfiguredKeySigns() throws Exception {
        Path keys = Files.createTempDirectory("receipt-rotation");
        String first = ReceiptKeyRing.generate(keys, LocalDate.of(2026, 1, 1));
        String partnerId = "P-ROT-" + UUID.randomUUID().toString().substring(0, 8);

        Receipt before;
        try (ConfigurableApplicationContext service = start(keys, Map.of())) {
            HttpApi http = RealInfrastructure.http(service);
            assertThat(http.post("/api/v1/partners", DevTokens.mint("admin", List.of("ADMIN"), null),
                    "{\"partnerId\": \"" + partnerId + "\", \"name\": \"R\", \"tier\": \"GOLD\", "
                            + "\"productLines\": [\"NETWORK_SECURITY\"]}").status()).isEqualTo(201);
            before = submit(http, partnerId);
            assertThat(before.keyId()).isEqualTo(first);
            assertThat(verifiesWithPublishedKeys(http, before)).isTrue();
        }

        // the rotation as documented: new key pairs in, the retired key's private half out (its public half stays);
        // of the two new keys the setting picks the older one, so that the newest would sign without it
        String second = ReceiptKeyRing.generate(keys, LocalDate.of(2026, 6, 1));
        String newest = ReceiptKeyRing.generate(keys, LocalDate.of(2026, 12, 1));
        Files.delete(keys.resolve(first + ".private.pem"));
        // the documented variable, which application.yml reads into leadledger.receipts.active-key-id
        try (ConfigurableApplicationContext service = start(keys, Map.of("LEADLEDGER_RECEIPT_KEY_ID", second))) {
            HttpApi http = RealInfrastructure.http(service);
            Receipt after = submit(http, partnerId);
            assertThat(after.keyId()).as("the key LEADLEDGER_RECEIPT_KEY_ID names signs").isEqualTo(second);
            assertThat(verifiesWithPublishedKeys(http, after)).isTrue();

            assertThat(http.get("/api/v1/audit/keys", null).body().path("keys").findValuesAsText("kid"))
                    .containsExactlyInAnyOrder(first, second, newest);
            assertThat(verifiesWithPublishedKeys(http, before)).as("a receipt signed before the rotation").isTrue();
            assertThat(http.get("/api/v1/audit/keys/" + first + ".pem", null).raw())
                    .isEqualTo(Files.readString(keys.resolve(first + ".public.pem")));
            Receipt forged = new Receipt(before.registrationId(), before.opportunityId(), before.partnerId(),
                    "2020-01-01T00:00:00Z", before.eventHash(), before.keyId(), before.algorithm(), before.signature());
            assertThat(verifiesWithPublishedKeys(http, forged)).as("an altered old receipt").isFalse();
        }
    }

    @Test
    void outsideTheLocalProfileTheServiceRefusesToStartWithoutASigningKey() throws Exception {
        Path empty = Files.createTempDirectory("receipt-none");
        Throwable refused = catchThrowable(() -> start(empty, Map.of(
                "spring.profiles.active", "production",
                "leadledger.security.jwks-uri", "http://127.0.0.1:9/jwks",
                "leadledger.security.issuer", "https://issuer.example",
                "leadledger.security.audience", "leadledger")).close());

        assertThat(refused).rootCause().hasMessageContaining("no receipt signing key in " + empty.toAbsolutePath())
                .hasMessageContaining("LEADLEDGER_RECEIPT_KEY_DIR");
        try (var files = Files.list(empty)) {
            assertThat(files).as("nothing generated outside the local profile").isEmpty();
        }
    }
}
