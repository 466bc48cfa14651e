package com.leadledger.console.audit;

import com.leadledger.console.api.LeadLedgerApi;
import com.leadledger.integrity.receipt.Ed25519Keys;
import com.leadledger.integrity.receipt.Receipt;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks a receipt as the verification tool does: its Ed25519 signature over the canonical lines
 * ({@link Receipt#canonical()}), with the JDK, under the key it names among the keys the command service publishes
 * ({@code GET /api/v1/audit/keys}, current and retired). Accepts the receipt alone or the submission's whole answer.
 */
@Component
class ReceiptVerifier {

    private static final String[] FIELDS = {"registrationId", "opportunityId", "partnerId", "acceptedAt", "eventHash",
            "keyId", "signature"};

    private final LeadLedgerApi api;
    private final JsonMapper json;

    ReceiptVerifier(LeadLedgerApi api, JsonMapper json) {
        this.api = api;
        this.json = json;
    }

    ReceiptVerdict verify(String text) {
        Receipt receipt = parse(text);
        if (receipt == null) {
            return new ReceiptVerdict("MALFORMED", null);
        }
        JsonNode keys = api.readCommand("/api/v1/audit/keys", JsonNode.class);
        for (JsonNode key : keys.path("keys")) {
            if (receipt.keyId().equals(key.path("kid").asString())) {
                boolean valid;
                try {
                    valid = Ed25519Keys.verify(receipt, Ed25519Keys.fromJwkX(key.path("x").asString()));
                } catch (IllegalArgumentException notAnEd25519Key) {
                    valid = false;
                }
                return new ReceiptVerdict(valid ? "VALID" : "INVALID_SIGNATURE", receipt);
            }
        }
        return new ReceiptVerdict("UNKNOWN_KEY", receipt);
    }

    private Receipt parse(String text) {
        JsonNode document;
        try {
            document = json.readTree(text == null ? "" : text);
        } catch (JacksonException notJson) {
            return null;
        }
        JsonNode receipt = document != null && document.has("receipt") ? document.get("receipt") : document;
        if (receipt == null || !receipt.isObject()) {
            return null;
        }
        for (String field : FIELDS) {
            if (!receipt.path(field).isString()) {
                return null;
            }
        }
        return new Receipt(receipt.get("registrationId").asString(), receipt.get("opportunityId").asString(),
                receipt.get("partnerId").asString(), receipt.get("acceptedAt").asString(),
                receipt.get("eventHash").asString(), receipt.get("keyId").asString(),
                receipt.path("algorithm").asString(Receipt.ALGORITHM), receipt.get("signature").asString());
    }
}
