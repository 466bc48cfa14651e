package com.leadledger.command.registration;

import com.leadledger.command.common.IdGenerator;
import com.leadledger.command.common.Texts;
import com.leadledger.command.web.HttpCommands;
import com.leadledger.command.web.MoneyBody;
import com.leadledger.events.registration.RegistrationStatus;
import com.leadledger.integrity.receipt.Receipt;
import com.leadledger.kit.domain.Role;
import com.leadledger.kit.security.Actor;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.Instant;

/** A partner's own registrations: submit (with a signed receipt), withdraw, ask for an extension, report the outcome. */
@RestController
@RequestMapping("/api/v1/registrations")
class RegistrationController {

    private final HttpCommands commands;
    private final IdGenerator ids;
    private final SubmissionReceipts receipts;

    RegistrationController(HttpCommands commands, IdGenerator ids, SubmissionReceipts receipts) {
        this.commands = commands;
        this.ids = ids;
        this.receipts = receipts;
    }

    record SubmissionResponse(String registrationId, String opportunityId, RegistrationStatus status,
                              Instant acceptedAt, Receipt receipt) {
    }

    record WithdrawRequest(@Size(max = 2000) String reason) {
    }

    record StatusResponse(String registrationId, RegistrationStatus status) {
    }

    record ExtensionRequestBody(@NotBlank @Size(max = 2000) String reason, @Min(1) @Max(365) Integer days) {
    }

    record ExtensionRequestCreated(String extensionRequestId) {
    }

    record OutcomeBody(@NotNull ReportOutcome.Result result, @Valid MoneyBody finalValue,
                       @Size(max = 2000) String reason) {
    }

    @PostMapping
    ResponseEntity<SubmissionResponse> submit(@Valid @RequestBody SubmitRegistrationRequest body,
                                              Authentication authentication, HttpServletRequest request) {
        Actor partner = Actor.from(authentication);
        RegistrationAccepted accepted = commands.send(body.toCommand(ids.newId(), partner.partnerId()), partner,
                Role.PARTNER, request);
        return ResponseEntity.created(URI.create("/api/v1/registrations/" + accepted.registrationId()))
                .body(new SubmissionResponse(accepted.registrationId(), accepted.opportunityId(),
                        RegistrationStatus.SUBMITTED, accepted.acceptedAt(), receipts.issue(accepted, partner.partnerId())));
    }

    @PostMapping("/{registrationId}/withdraw")
    StatusResponse withdraw(@PathVariable String registrationId,
                            @Valid @RequestBody(required = false) WithdrawRequest body,
                            Authentication authentication, HttpServletRequest request) {
        Actor partner = Actor.from(authentication);
        commands.send(new WithdrawRegistration(registrationId, partner.partnerId(),
                Texts.optional(body == null ? null : body.reason())), partner, Role.PARTNER, request);
        return new StatusResponse(registrationId, RegistrationStatus.WITHDRAWN);
    }

    @PostMapping("/{registrationId}/extension-requests")
    ResponseEntity<ExtensionRequestCreated> requestExtension(@PathVariable String registrationId,
                                                             @Valid @RequestBody ExtensionRequestBody body,
                                                             Authentication authentication,
                                                             HttpServletRequest request) {
        Actor partner = Actor.from(authentication);
        String extensionRequestId = ids.newId();
        commands.send(new RequestExtension(registrationId, extensionRequestId, partner.partnerId(),
                body.reason().strip(), body.days()), partner, Role.PARTNER, request);
        return ResponseEntity.status(HttpStatus.CREATED).body(new ExtensionRequestCreated(extensionRequestId));
    }

    @PostMapping("/{registrationId}/outcome")
    StatusResponse reportOutcome(@PathVariable String registrationId, @Valid @RequestBody OutcomeBody body,
                                 Authentication authentication, HttpServletRequest request) {
        Actor partner = Actor.from(authentication);
        commands.send(new ReportOutcome(registrationId, partner.partnerId(), body.result(),
                MoneyBody.toMoney(body.finalValue()), Texts.optional(body.reason())), partner, Role.PARTNER, request);
        return new StatusResponse(registrationId, body.result() == ReportOutcome.Result.WON
                ? RegistrationStatus.WON : RegistrationStatus.LOST);
    }
}
