package com.leadledger.command.registration;

import com.leadledger.command.common.IdGenerator;
import com.leadledger.command.common.Texts;
import com.leadledger.command.web.HttpCommands;
import com.leadledger.command.web.MoneyBody;
import com.leadledger.events.registration.RegistrationStatus;
import com.leadledger.integrity.receipt.Receipt;
import com.leadledger.kit.domain.Role;
import com.leadledger.kit.openapi.FieldRules;
import com.leadledger.kit.openapi.ProblemCodes;
import com.leadledger.kit.security.Actor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
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
@Tag(name = "registrations")
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

    @Schema(example = "{\"reason\": \"The customer postponed the project\"}")
    record WithdrawRequest(@Size(max = 2000) String reason) {
    }

    record StatusResponse(String registrationId, RegistrationStatus status) {
    }

    @Schema(example = "{\"reason\": \"The customer moved the tender to next quarter\", \"days\": 30}")
    record ExtensionRequestBody(@NotBlank @Size(max = 2000) String reason, @Min(1) @Max(365) Integer days) {
    }

    record ExtensionRequestCreated(String extensionRequestId) {
    }

    @Schema(example = "{\"result\": \"WON\", \"finalValue\": {\"amount\": \"1180000.00\", \"currency\": \"RUB\"}, "
            + "\"reason\": \"Signed on 2027-03-20\"}")
    record OutcomeBody(@NotNull ReportOutcome.Result result, @Valid MoneyBody finalValue,
                       @Size(max = 2000) String reason) {
    }

    @Operation(operationId = "submitRegistration", summary = "Submit a registration",
            description = "A partner registers an opportunity (customer + product line) for itself; the partner comes "
                    + "from the token. Answers the registration, the opportunity it competes on, the server's "
                    + "acceptance time and a receipt signed with the vendor's Ed25519 key. Role: PARTNER.")
    @ApiResponse(responseCode = "201", description = "Registered; Location names the registration on the query service.",
            useReturnTypeSchema = true)
    @FieldRules({"CUSTOMER_IDENTIFIER_MISSING", "COUNTRY_UNKNOWN", "CURRENCY_UNKNOWN", "CURRENCY_NOT_ACCEPTED",
            "PRODUCT_LINE_UNKNOWN", "CLOSE_DATE_NOT_FUTURE", "CLOSE_DATE_TOO_FAR"})
    @ProblemCodes(status = 403, value = {"PARTNER_UNKNOWN", "PARTNER_SUSPENDED", "PRODUCT_LINE_NOT_AUTHORIZED"})
    @ProblemCodes(status = 409, value = {"ACTIVE_REGISTRATION_EXISTS", "REGISTRATION_ID_TAKEN",
            "RESUBMISSION_LIMIT_REACHED", "TIER_NOT_IN_POLICY"})
    @ProblemCodes(status = 429, value = {"REGISTRATION_CHURN_LIMIT"})
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

    @Operation(operationId = "withdrawRegistration", summary = "Withdraw a registration",
            description = "The owning partner withdraws its registration; an optional reason is kept. Role: PARTNER "
                    + "(owner).")
    @ProblemCodes(status = 403, value = {"PARTNER_UNKNOWN"})
    @ProblemCodes(status = 409, value = {"REGISTRATION_NOT_ACTIVE"})
    @PostMapping("/{registrationId}/withdraw")
    StatusResponse withdraw(@PathVariable String registrationId,
                            @Valid @RequestBody(required = false) WithdrawRequest body,
                            Authentication authentication, HttpServletRequest request) {
        Actor partner = Actor.from(authentication);
        commands.send(new WithdrawRegistration(registrationId, partner.partnerId(),
                Texts.optional(body == null ? null : body.reason())), partner, Role.PARTNER, request);
        return new StatusResponse(registrationId, RegistrationStatus.WITHDRAWN);
    }

    @Operation(operationId = "requestExtension", summary = "Request a protection extension",
            description = "The owning partner asks for more protection days on an approved registration (one "
                    + "extension per registration). Role: PARTNER (owner).")
    @ApiResponse(responseCode = "201", description = "The extension request is pending review.",
            useReturnTypeSchema = true)
    @ProblemCodes(status = 400, value = {"EXTENSION_TOO_LONG"})
    @ProblemCodes(status = 403, value = {"PARTNER_UNKNOWN"})
    @ProblemCodes(status = 409, value = {"NOT_PROTECTED", "EXTENSION_PENDING", "EXTENSION_LIMIT_REACHED"})
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

    @Operation(operationId = "reportOutcome", summary = "Report the deal outcome",
            description = "The owning partner reports the deal won (with the final value) or lost. Role: PARTNER "
                    + "(owner).")
    @ProblemCodes(status = 403, value = {"PARTNER_UNKNOWN"})
    @ProblemCodes(status = 409, value = {"REGISTRATION_NOT_APPROVED", "REGISTRATION_NOT_ACTIVE"})
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
