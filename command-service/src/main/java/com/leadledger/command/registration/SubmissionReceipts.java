package com.leadledger.command.registration;

import com.leadledger.command.audit.ReceiptSigner;
import com.leadledger.integrity.receipt.Receipt;
import org.springframework.stereotype.Component;

/** The partner's proof of when it registered: the stored submission event's hash, signed with the vendor's key. */
@Component
public class SubmissionReceipts {

    private final RegistrationLookup lookup;
    private final ReceiptSigner signer;

    SubmissionReceipts(RegistrationLookup lookup, ReceiptSigner signer) {
        this.lookup = lookup;
        this.signer = signer;
    }

    /** Signs the receipt of an accepted submission; its event must be stored (in this transaction or before). */
    public Receipt issue(RegistrationAccepted accepted, String partnerId) {
        String eventHash = lookup.submissionEventHash(accepted.registrationId()).orElseThrow(
                () -> new IllegalStateException("accepted registration " + accepted.registrationId() + " has no hash"));
        return signer.sign(accepted.registrationId(), accepted.opportunityId(), partnerId,
                accepted.acceptedAt().toString(), eventHash);
    }
}
