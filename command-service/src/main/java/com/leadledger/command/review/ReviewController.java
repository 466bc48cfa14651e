package com.leadledger.command.review;

import com.leadledger.command.common.Texts;
import com.leadledger.command.web.HttpCommands;
import com.leadledger.events.registration.RegistrationStatus;
import com.leadledger.events.registration.RejectionReason;
import com.leadledger.kit.openapi.FieldRules;
import com.leadledger.kit.openapi.ProblemCodes;
import com.leadledger.kit.security.Actor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.time.Instant;

/** Channel staff decisions on registrations: approve, reject, and decide extension requests. */
@Tag(name = "review")
@RestController
@RequestMapping("/api/v1/registrations/{registrationId}")
class ReviewController {

    private final HttpCommands commands;

    ReviewController(HttpCommands commands) {
        this.commands = commands;
    }

    @Schema(example = "{\"discountPercent\": 12.5, \"protectionDays\": 90, \"note\": \"Strong partner history with "
            + "this customer\"}")
    record ApproveBody(
            @NotNull @DecimalMin("0") @DecimalMax("100") @Digits(integer = 3, fraction = 2) BigDecimal discountPercent,
            @Min(1) @Max(3650) Integer protectionDays,
            @Size(max = 2000) String note,
            @Size(max = 64) String rulingDisputeId) {
    }

    record Approved(String registrationId, RegistrationStatus status, Instant protectedUntil, long policyVersion) {
    }

    @Schema(example = "{\"reasonCode\": \"INSUFFICIENT_INFORMATION\", \"note\": \"No contact person at the customer\"}")
    record RejectBody(@NotNull RejectionReason reasonCode, @Size(max = 2000) String note) {
    }

    record Rejected(String registrationId, RegistrationStatus status, long policyVersion) {
    }

    @Schema(example = "{\"note\": \"The tender date moved\"}")
    record NoteBody(@Size(max = 2000) String note) {
    }

    record ExtensionDecision(String registrationId, String extensionRequestId, String decision,
                             Instant protectedUntil) {
    }

    @Operation(operationId = "approveRegistration", summary = "Approve a registration",
            description = "Approves a pending registration with a discount within the partner tier's maximum and "
                    + "protection days within the tier's limit; answers until when it is protected. An earlier "
                    + "active registration on the same opportunity blocks approval unless a ruling names this one. "
                    + "Role: CHANNEL_MANAGER, CHANNEL_DIRECTOR or ARBITRATION_COMMITTEE.")
    @FieldRules({"DISCOUNT_ABOVE_TIER_MAXIMUM", "PROTECTION_ABOVE_TIER"})
    @ProblemCodes(status = 409, value = {"REGISTRATION_NOT_PENDING", "EARLIER_REGISTRATION_EXISTS",
            "RULING_NOT_APPLICABLE"})
    @PostMapping("/approve")
    Approved approve(@PathVariable String registrationId, @Valid @RequestBody ApproveBody body,
                     Authentication auth, HttpServletRequest request) {
        Actor staff = Actor.from(auth);
        ApproveRegistration.Result approval = commands.send(new ApproveRegistration(registrationId,
                body.discountPercent(), body.protectionDays(), Texts.optional(body.note()),
                Texts.optional(body.rulingDisputeId())), staff, staff.staffRole(), request);
        return new Approved(registrationId, RegistrationStatus.APPROVED, approval.protectedUntil(),
                approval.policyVersion());
    }

    @Operation(operationId = "rejectRegistration", summary = "Reject a registration",
            description = "Rejects a pending registration with a reason code (a note is required for OTHER). Role: "
                    + "CHANNEL_MANAGER or above.")
    @FieldRules({"NOTE_REQUIRED"})
    @ProblemCodes(status = 409, value = {"REGISTRATION_NOT_PENDING", "NO_EARLIER_REGISTRATION"})
    @PostMapping("/reject")
    Rejected reject(@PathVariable String registrationId, @Valid @RequestBody RejectBody body,
                    Authentication auth, HttpServletRequest request) {
        Actor staff = Actor.from(auth);
        RejectRegistration.Result rejection = commands.send(new RejectRegistration(registrationId, body.reasonCode(),
                Texts.optional(body.note())), staff, staff.staffRole(), request);
        return new Rejected(registrationId, RegistrationStatus.REJECTED, rejection.policyVersion());
    }

    @Operation(operationId = "grantExtension", summary = "Grant an extension request",
            description = "Grants a pending extension request; answers the new end of protection. Role: "
                    + "CHANNEL_MANAGER or above.")
    @ProblemCodes(status = 409, value = {"NOT_PROTECTED"})
    @PostMapping("/extension-requests/{extensionRequestId}/grant")
    ExtensionDecision grant(@PathVariable String registrationId, @PathVariable String extensionRequestId,
                            @Valid @RequestBody(required = false) NoteBody body, Authentication auth,
                            HttpServletRequest request) {
        return decide(registrationId, extensionRequestId, true, body, auth, request);
    }

    @Operation(operationId = "refuseExtension", summary = "Refuse an extension request",
            description = "Refuses a pending extension request; protection ends as before. Role: CHANNEL_MANAGER or "
                    + "above.")
    @ProblemCodes(status = 409, value = {"NOT_PROTECTED"})
    @PostMapping("/extension-requests/{extensionRequestId}/refuse")
    ExtensionDecision refuse(@PathVariable String registrationId, @PathVariable String extensionRequestId,
                             @Valid @RequestBody(required = false) NoteBody body, Authentication auth,
                             HttpServletRequest request) {
        return decide(registrationId, extensionRequestId, false, body, auth, request);
    }

    private ExtensionDecision decide(String registrationId, String extensionRequestId, boolean grant, NoteBody body,
                                     Authentication auth, HttpServletRequest request) {
        Actor staff = Actor.from(auth);
        Instant protectedUntil = commands.send(new DecideExtension(registrationId, extensionRequestId, grant,
                Texts.optional(body == null ? null : body.note())), staff, staff.staffRole(), request);
        return new ExtensionDecision(registrationId, extensionRequestId, grant ? "GRANTED" : "REFUSED", protectedUntil);
    }
}
