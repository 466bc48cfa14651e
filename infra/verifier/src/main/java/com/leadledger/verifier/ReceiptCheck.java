package com.leadledger.verifier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.leadledger.integrity.receipt.Ed25519Keys;
import com.leadledger.integrity.receipt.Receipt;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/** {@code verify-receipt}: a receipt against the published keys (JWK set), offline when the keys are a file. */
final class ReceiptCheck {

    static final String DEFAULT_KEYS = "http://localhost:8081/api/v1/audit/keys";

    private ReceiptCheck() {
    }

    static int run(Map<String, String> options, PrintStream out, PrintStream err) throws IOException {
        String receiptFile = options.get("receipt");
        if (receiptFile == null) {
            err.println("error: verify-receipt needs --receipt FILE");
            return 2;
        }
        ObjectMapper json = new ObjectMapper();
        JsonNode document = json.readTree(Files.readString(Path.of(receiptFile)));
        Receipt receipt = json.treeToValue(document.has("receipt") ? document.get("receipt") : document, Receipt.class);
        JsonNode keys = json.readTree(readKeys(options.getOrDefault("keys", DEFAULT_KEYS)));
        for (JsonNode key : keys.path("keys")) {
            if (receipt.keyId().equals(key.path("kid").asText())) {
                if (Ed25519Keys.verify(receipt, Ed25519Keys.fromJwkX(key.path("x").asText()))) {
                    out.println("VALID: registration " + receipt.registrationId() + " of partner "
                            + receipt.partnerId() + " was accepted at " + receipt.acceptedAt()
                            + " (event hash " + receipt.eventHash() + ", key " + receipt.keyId() + ")");
                    return 0;
                }
                out.println("INVALID: the signature does not match the receipt's fields under key " + receipt.keyId());
                return AuditCommands.BROKEN;
            }
        }
        out.println("INVALID: key " + receipt.keyId() + " is not among the published keys");
        return AuditCommands.BROKEN;
    }

    static String readKeys(String location) throws IOException {
        if (location.startsWith("http://") || location.startsWith("https://")) {
            try {
                HttpResponse<String> response = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()
                        .send(HttpRequest.newBuilder(URI.create(location)).GET().build(),
                                HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() != 200) {
                    throw new IOException(location + " answered " + response.statusCode());
                }
                return response.body();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted", e);
            }
        }
        return Files.readString(Path.of(location));
    }
}
