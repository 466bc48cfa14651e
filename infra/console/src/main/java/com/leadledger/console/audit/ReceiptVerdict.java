package com.leadledger.console.audit;

import com.leadledger.integrity.receipt.Receipt;

/**
 * What a receipt check found: {@code VALID}, {@code INVALID_SIGNATURE} (the fields or the signature were changed),
 * {@code UNKNOWN_KEY} (not signed with a published key) or {@code MALFORMED} (not a receipt). The receipt is null
 * when malformed.
 */
public record ReceiptVerdict(String outcome, Receipt receipt) {

    public boolean isValid() {
        return "VALID".equals(outcome);
    }
}
