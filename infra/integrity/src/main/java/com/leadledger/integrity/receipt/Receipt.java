package com.leadledger.integrity.receipt;

import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.util.Base64;
import java.util.List;

/**
 * Proof of when a registration was accepted, signed with the vendor's Ed25519 key {@code keyId}. The signature covers
 * {@link #canonical()}: the lines below joined by a single {@code \n}, UTF-8, no trailing newline:
 * <pre>
 * leadledger-receipt-v1
 * registrationId=…
 * opportunityId=…
 * partnerId=…
 * acceptedAt=…        (ISO-8601 UTC, as in the API response)
 * eventHash=…         (hex SHA-256 of the stored RegistrationSubmitted event, see {@code EventChain})
 * keyId=…
 * </pre>
 * {@code signature} is the standard Base64 of the 64-byte Ed25519 signature.
 */
public record Receipt(String registrationId, String opportunityId, String partnerId, String acceptedAt,
                      String eventHash, String keyId, String algorithm, String signature) {

    public static final String FORMAT = "leadledger-receipt-v1";
    public static final String ALGORITHM = "Ed25519";

    /** A receipt over these fields signed with {@code key}, the private half of {@code keyId}. */
    public static Receipt sign(String registrationId, String opportunityId, String partnerId, String acceptedAt,
                               String eventHash, String keyId, PrivateKey key) {
        return sign(registrationId, opportunityId, partnerId, acceptedAt, eventHash, keyId, Ed25519SigningKey.of(key));
    }

    /** A receipt over these fields signed with {@code key}, the private half of {@code keyId}. */
    public static Receipt sign(String registrationId, String opportunityId, String partnerId, String acceptedAt,
                               String eventHash, String keyId, Ed25519SigningKey key) {
        String canonical = canonical(registrationId, opportunityId, partnerId, acceptedAt, eventHash, keyId);
        return new Receipt(registrationId, opportunityId, partnerId, acceptedAt, eventHash, keyId, ALGORITHM,
                Base64.getEncoder().encodeToString(key.sign(canonical.getBytes(StandardCharsets.UTF_8))));
    }

    public String canonical() {
        return canonical(registrationId, opportunityId, partnerId, acceptedAt, eventHash, keyId);
    }

    public static String canonical(String registrationId, String opportunityId, String partnerId, String acceptedAt,
                                   String eventHash, String keyId) {
        return String.join("\n", List.of(FORMAT,
                "registrationId=" + registrationId,
                "opportunityId=" + opportunityId,
                "partnerId=" + partnerId,
                "acceptedAt=" + acceptedAt,
                "eventHash=" + eventHash,
                "keyId=" + keyId));
    }
}
