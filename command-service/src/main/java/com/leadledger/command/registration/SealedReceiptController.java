package com.leadledger.command.registration;

import com.leadledger.command.checkpoint.CheckpointProofs;
import com.leadledger.command.checkpoint.InclusionProof;
import com.leadledger.integrity.receipt.Receipt;
import com.leadledger.kit.domain.Role;
import com.leadledger.kit.domain.RuleViolation;
import com.leadledger.kit.openapi.ProblemCodes;
import com.leadledger.kit.security.Actor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.core.Authentication;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A registration's receipt upgraded to a sealed receipt: the receipt ({@link SubmissionReceipts#reissue issued again}
 * from the stored submission) and the inclusion proof of its event in the first signed checkpoint covering it.
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

    SealedReceiptController(RegistrationLookup lookup, SubmissionReceipts receipts, CheckpointProofs proofs) {
        this.lookup = lookup;
        this.receipts = receipts;
        this.proofs = proofs;
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
        Receipt receipt = receipts.reissue(filed, eventId);
        InclusionProof inclusion = proofs.inclusionInFirstCheckpoint(eventId).orElseThrow(() -> new RuleViolation(
                RuleViolation.Kind.CONFLICT, "RECEIPT_NOT_SEALED", "registration " + registrationId + " is not "
                + "covered by a signed checkpoint yet; checkpoints are sealed every LEADLEDGER_CHECKPOINT_INTERVAL"));
        return new SealedReceipt(receipt, inclusion);
    }
}
