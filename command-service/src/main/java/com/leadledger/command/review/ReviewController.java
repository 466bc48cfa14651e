package com.leadledger.command.review;

import com.leadledger.command.common.Texts;
import com.leadledger.command.web.HttpCommands;
import com.leadledger.events.registration.RegistrationStatus;
import com.leadledger.events.registration.RejectionReason;
import com.leadledger.kit.security.Actor;
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
@RestController
@RequestMapping("/api/v1/registrations/{registrationId}")
class ReviewController {

    private final HttpCommands commands;

    ReviewController(HttpCommands commands) {
        this.commands = commands;
    }

    record ApproveBody(
            @NotNull @DecimalMin("0") @DecimalMax("100") @Digits(integer = 3, fraction = 2) BigDecimal discountPercent,
            @Min(1) @Max(3650) Integer protectionDays,
            @Size(max = 2000) String note,
            @Size(max = 64) String rulingDisputeId) {
    }

    record Approved(String registrationId, RegistrationStatus status, Instant protectedUntil, long policyVersion) {
    }

    record RejectBody(@NotNull RejectionReason reasonCode, @Size(max = 2000) String note) {
    }

    record Rejected(String registrationId, RegistrationStatus status, long policyVersion) {
    }

    record NoteBody(@Size(max = 2000) String note) {
    }

    record ExtensionDecision(String registrationId, String extensionRequestId, String decision,
                             Instant protectedUntil) {
    }

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

    @PostMapping("/reject")
    Rejected reject(@PathVariable String registrationId, @Valid @RequestBody RejectBody body,
                    Authentication auth, HttpServletRequest request) {
        Actor staff = Actor.from(auth);
        RejectRegistration.Result rejection = commands.send(new RejectRegistration(registrationId, body.reasonCode(),
                Texts.optional(body.note())), staff, staff.staffRole(), request);
        return new Rejected(registrationId, RegistrationStatus.REJECTED, rejection.policyVersion());
    }

    @PostMapping("/extension-requests/{extensionRequestId}/grant")
    ExtensionDecision grant(@PathVariable String registrationId, @PathVariable String extensionRequestId,
                            @Valid @RequestBody(required = false) NoteBody body, Authentication auth,
                            HttpServletRequest request) {
        return decide(registrationId, extensionRequestId, true, body, auth, request);
    }

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
