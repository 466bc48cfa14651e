package com.leadledger.command.audit;

import com.leadledger.integrity.receipt.Ed25519Keys;
import com.leadledger.kit.domain.RuleViolation;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Map;

/** Public: the receipt verification keys, current and retired, as a JWK set and as PEM for openssl. */
@Tag(name = "audit")
@RestController
@RequestMapping("/api/v1/audit/keys")
class KeysController {

    private final SigningKeyRing keys;

    KeysController(SigningKeyRing keys) {
        this.keys = keys;
    }

    record Jwk(String kty, String crv, String kid, String x, String use, String alg) {
    }

    @Operation(operationId = "receiptKeys", summary = "Receipt verification keys",
            description = "The public Ed25519 keys (JWK set) that verify registration receipts. Public.")
    @GetMapping(produces = {"application/jwk-set+json", MediaType.APPLICATION_JSON_VALUE})
    Map<String, List<Jwk>> jwkSet() {
        return Map.of("keys", keys.publishedKeys().stream()
                .map(k -> new Jwk("OKP", "Ed25519", k.keyId(), Ed25519Keys.toJwkX(k.publicKey()), "sig", "EdDSA"))
                .toList());
    }

    @Operation(operationId = "receiptKeyPem", summary = "One receipt key as PEM",
            description = "One public receipt key in PEM form, by key id. Public.")
    @GetMapping(value = "/{keyId}.pem", produces = "application/x-pem-file")
    String pem(@PathVariable String keyId) {
        return keys.publishedKey(keyId).map(k -> Ed25519Keys.toPem(k.publicKey()))
                .orElseThrow(() -> RuleViolation.notFound("key"));
    }
}
