package com.leadledger.command.support;

import com.leadledger.command.common.Texts;
import com.leadledger.command.web.HttpCommands;
import com.leadledger.events.opportunity.SupportReason;
import com.leadledger.kit.openapi.ProblemCodes;
import com.leadledger.kit.security.Actor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.Locale;

/** Vendor support decisions (channel staff). Every rule is checked by the Opportunity aggregate. */
@Tag(name = "support")
@RestController
@RequestMapping("/api/v1/opportunities/{opportunityId}/support")
class SupportController {

    private final HttpCommands commands;

    SupportController(HttpCommands commands) {
        this.commands = commands;
    }

    @Schema(example = "{\"action\": \"GRANT\", \"registrationId\": \"01J9Z6Q3V8M2K4T7W1X5Y0A2BC\", \"note\": \"First "
            + "approved registration\"}")
    record SupportBody(
            @NotNull ChangeSupport.Action action,
            @Size(max = 64) String registrationId,
            SupportReason reasonCode,
            @Size(max = 64) String rulingDisputeId,
            @Pattern(regexp = "[0-9a-fA-F]{64}", message = "must be a SHA-256 as 64 hex digits") String evidenceSha256,
            @Size(max = 2000) String note) {
    }

    record SupportChanged(String opportunityId, ChangeSupport.Action action, String supportedRegistrationId,
                          long policyVersion) {
    }

    @Schema(name = "SupportEvidenceBody", example = "{\"sha256\": "
            + "\"9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08\", "
            + "\"name\": \"customer-preference-letter.pdf\", \"link\": \"https://dms.example.com/docs/4711\"}")
    record EvidenceBody(
            @NotBlank @Pattern(regexp = "[0-9a-fA-F]{64}", message = "must be a SHA-256 as 64 hex digits") String sha256,
            @NotBlank @Size(max = 300) String name,
            @Size(max = 2000) String link) {
    }

    record EvidenceRecorded(String opportunityId, String evidenceSha256) {
    }

    /** The customer's written preference, recorded by its hash before a support move may cite it. */
    @Operation(operationId = "recordSupportEvidence", summary = "Record support evidence",
            description = "Records the hash of a document that justifies a later support change on this opportunity. "
                    + "Role: CHANNEL_MANAGER or above.")
    @ApiResponse(responseCode = "201", description = "Evidence recorded.", useReturnTypeSchema = true)
    @ProblemCodes(status = 409, value = {"EVIDENCE_ALREADY_RECORDED"})
    @PostMapping("/evidence")
    ResponseEntity<EvidenceRecorded> recordEvidence(@PathVariable String opportunityId,
                                                    @Valid @RequestBody EvidenceBody body, Authentication auth,
                                                    HttpServletRequest request) {
        Actor staff = Actor.from(auth);
        commands.send(new RecordSupportEvidence(opportunityId, body.sha256(), body.name().strip(),
                Texts.optional(body.link()), staff.subject()), staff, staff.staffRole(), request);
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(new EvidenceRecorded(opportunityId, body.sha256().toLowerCase(Locale.ROOT)));
    }

    @Operation(operationId = "changeSupport", summary = "Grant, move or withdraw support",
            description = "The vendor supports at most one registration per opportunity: GRANT it, MOVE it to another "
                    + "registration (with a reason and, while protected, a ruling or recorded evidence) or WITHDRAW "
                    + "it. Role: CHANNEL_MANAGER or above.")
    @ProblemCodes(status = 409, value = {"SUPPORT_ALREADY_GRANTED", "SUPPORT_SWITCH_NOT_ALLOWED",
            "EVIDENCE_NOT_RECORDED", "NO_SUPPORT", "NO_CHANGE", "REGISTRATION_NOT_APPROVED"})
    @PostMapping
    SupportChanged change(@PathVariable String opportunityId, @Valid @RequestBody SupportBody body,
                          Authentication auth, HttpServletRequest request) {
        Actor staff = Actor.from(auth);
        String target = body.action() == ChangeSupport.Action.WITHDRAW ? null : Texts.optional(body.registrationId());
        ChangeSupport.Result result = commands.send(new ChangeSupport(opportunityId, body.action(), target,
                body.reasonCode(), Texts.optional(body.rulingDisputeId()), body.evidenceSha256(),
                Texts.optional(body.note())), staff, staff.staffRole(), request);
        return new SupportChanged(opportunityId, body.action(), target, result.policyVersion());
    }
}
