package com.leadledger.command.audit;

import com.leadledger.integrity.receipt.Receipt;
import org.springframework.stereotype.Component;

/** Signs registration receipts with the active key of the {@link SigningKeyRing}. */
@Component
public class ReceiptSigner {

    private final SigningKeyRing keys;

    ReceiptSigner(SigningKeyRing keys) {
        this.keys = keys;
    }

    public Receipt sign(String registrationId, String opportunityId, String partnerId, String acceptedAt,
                        String eventHash) {
        return keys.sign(registrationId, opportunityId, partnerId, acceptedAt, eventHash);
    }
}
