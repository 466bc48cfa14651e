package com.leadledger.command.registration;

import com.leadledger.command.audit.ReceiptSigner;
import com.leadledger.events.registration.RegistrationSubmitted;
import com.leadledger.integrity.receipt.Receipt;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The partner's proof of when it registered: the stored submission event's hash, signed with the vendor's key. */
@Component
public class SubmissionReceipts {

    private final RegistrationLookup lookup;
    private final ReceiptSigner signer;
    private final JdbcClient jdbc;
    private final Serializer eventSerializer;

    SubmissionReceipts(RegistrationLookup lookup, ReceiptSigner signer, JdbcClient jdbc,
                       @Qualifier("eventSerializer") Serializer eventSerializer) {
        this.lookup = lookup;
        this.signer = signer;
        this.jdbc = jdbc;
        this.eventSerializer = eventSerializer;
    }

    /** Signs the receipt of an accepted submission; its event must be stored (in this transaction or before). */
    public Receipt issue(RegistrationAccepted accepted, String partnerId) {
        String eventHash = lookup.submissionEventHash(accepted.registrationId()).orElseThrow(
                () -> new IllegalStateException("accepted registration " + accepted.registrationId() + " has no hash"));
        return signer.sign(accepted.registrationId(), accepted.opportunityId(), partnerId,
                accepted.acceptedAt().toString(), eventHash);
    }

    /**
     * Issues the receipt of a filed registration again, from its stored submission event {@code eventId}: Ed25519 is
     * deterministic, so with the same key it is byte for byte the one given at submission.
     */
    Receipt reissue(RegistrationDirectory.FiledOn filed, String eventId) {
        return issue(new RegistrationAccepted(filed.registrationId(), filed.opportunityId(),
                submission(eventId).acceptedAt()), filed.partnerId());
    }

    private RegistrationSubmitted submission(String eventId) {
        return jdbc.sql("SELECT payload, payloadtype, payloadrevision FROM domainevententry "
                        + "WHERE eventidentifier = :id")
                .param("id", eventId)
                .query((row, n) -> (RegistrationSubmitted) eventSerializer.deserialize(new SimpleSerializedObject<>(
                        row.getBytes("payload"), byte[].class, row.getString("payloadtype"),
                        row.getString("payloadrevision"))))
                .single();
    }
}
