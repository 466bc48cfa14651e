package com.leadledger.command.registration;

import com.leadledger.command.checkpoint.CheckpointProofs;
import com.leadledger.command.checkpoint.InclusionProof;
import com.leadledger.events.registration.RegistrationSubmitted;
import com.leadledger.integrity.receipt.Receipt;
import com.leadledger.kit.domain.Role;
import com.leadledger.kit.domain.RuleViolation;
import com.leadledger.kit.openapi.ProblemCodes;
import com.leadledger.kit.security.Actor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A registration's receipt upgraded to a sealed receipt: the receipt (issued again from the stored submission: Ed25519
 * is deterministic, so with the same key it is byte for byte the one given at submission) and the inclusion proof of
 * its event in the first signed checkpoint covering it.
 */
@Tag(name = "registrations")
@RestController
@RequestMapping("/api/v1/registrations")
class SealedReceiptController {

    record SealedReceipt(Receipt receipt, InclusionProof inclusion) {
    }

    private final RegistrationLookup lookup;
    private final SubmissionReceipts receipts;
    private final CheckpointProofs proofs;
    private final JdbcClient jdbc;
    private final Serializer eventSerializer;

    SealedReceiptController(RegistrationLookup lookup, SubmissionReceipts receipts, CheckpointProofs proofs,
                            JdbcClient jdbc, @Qualifier("eventSerializer") Serializer eventSerializer) {
        this.lookup = lookup;
        this.receipts = receipts;
        this.proofs = proofs;
        this.jdbc = jdbc;
        this.eventSerializer = eventSerializer;
    }

    @Operation(operationId = "sealedReceipt", summary = "Read a registration's sealed receipt",
            description = "The registration's signed receipt with the RFC 6962 inclusion proof of its submission "
                    + "event in the first signed checkpoint that covers it. Roles: PARTNER (its own registrations; "
                    + "another partner's is 404), AUDITOR.")
    @ProblemCodes(status = 409, value = {"RECEIPT_NOT_SEALED"})
    @GetMapping("/{registrationId}/receipt/sealed")
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    SealedReceipt sealed(@PathVariable String registrationId, Authentication authentication) {
        Actor actor = Actor.from(authentication);
        RegistrationDirectory.FiledOn filed = lookup.find(registrationId)
                .filter(f -> actor.has(Role.AUDITOR) || f.partnerId().equals(actor.partnerId()))
                .orElseThrow(() -> RuleViolation.notFound("registration"));
        String eventId = lookup.submissionEventId(registrationId)
                .orElseThrow(() -> RuleViolation.notFound("registration"));
        Receipt receipt = receipts.issue(new RegistrationAccepted(registrationId, filed.opportunityId(),
                submission(eventId).acceptedAt()), filed.partnerId());
        InclusionProof inclusion = proofs.inclusionInFirstCheckpoint(eventId).orElseThrow(() -> new RuleViolation(
                RuleViolation.Kind.CONFLICT, "RECEIPT_NOT_SEALED", "registration " + registrationId + " is not "
                + "covered by a signed checkpoint yet; checkpoints are sealed every LEADLEDGER_CHECKPOINT_INTERVAL"));
        return new SealedReceipt(receipt, inclusion);
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
