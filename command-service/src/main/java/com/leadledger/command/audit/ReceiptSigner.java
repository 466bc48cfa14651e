package com.leadledger.command.audit;

import com.leadledger.events.integrity.Receipt;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.util.Base64;

/** Signs registration receipts with the active key of the {@link SigningKeyRing}. */
@Component
public class ReceiptSigner {

    private final SigningKeyRing keys;

    ReceiptSigner(SigningKeyRing keys) {
        this.keys = keys;
    }

    public Receipt sign(String registrationId, String opportunityId, String partnerId, String acceptedAt,
                        String eventHash) {
        String keyId = keys.activeKeyId();
        String canonical = Receipt.canonical(registrationId, opportunityId, partnerId, acceptedAt, eventHash, keyId);
        try {
            Signature signer = Signature.getInstance("Ed25519");
            signer.initSign(keys.activeKey());
            signer.update(canonical.getBytes(StandardCharsets.UTF_8));
            return new Receipt(registrationId, opportunityId, partnerId, acceptedAt, eventHash, keyId,
                    Receipt.ALGORITHM, Base64.getEncoder().encodeToString(signer.sign()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign a receipt", e);
        }
    }
}
