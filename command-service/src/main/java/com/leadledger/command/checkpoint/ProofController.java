package com.leadledger.command.checkpoint;

import com.leadledger.kit.openapi.FieldRules;
import com.leadledger.kit.openapi.ProblemCodes;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Proofs against the signed checkpoints, for auditors (docs/audit.md, "Signed checkpoints and proofs"). */
@Tag(name = "audit")
@RestController
@RequestMapping("/api/v1/audit/checkpoints")
class ProofController {

    private final CheckpointProofs proofs;

    ProofController(CheckpointProofs proofs) {
        this.proofs = proofs;
    }

    @Operation(operationId = "checkpointInclusionProof", summary = "Prove an event is in a checkpoint",
            description = "The RFC 6962 inclusion proof (audit path) of the event in the tree over all events that "
                    + "the checkpoint's signed tree head names, with the signed checkpoint. Role: AUDITOR.")
    @ProblemCodes(status = 409, value = {"EVENT_AFTER_CHECKPOINT", "CHECKPOINT_NOT_SIGNED"})
    @GetMapping("/{number}/proof")
    InclusionProof inclusion(@PathVariable long number, @RequestParam String eventId) {
        return proofs.inclusion(number, eventId);
    }

    @Operation(operationId = "checkpointConsistencyProof", summary = "Prove one checkpoint extends another",
            description = "The RFC 6962 consistency proof that the tree signed by checkpoint 'from' is a prefix of "
                    + "the tree signed by checkpoint 'to', with both signed checkpoints. Role: AUDITOR.")
    @FieldRules({"CHECKPOINT_ORDER"})
    @ProblemCodes(status = 409, value = {"CHECKPOINT_NOT_SIGNED"})
    @GetMapping("/consistency")
    ConsistencyProof consistency(@RequestParam long from, @RequestParam long to) {
        return proofs.consistency(from, to);
    }
}
