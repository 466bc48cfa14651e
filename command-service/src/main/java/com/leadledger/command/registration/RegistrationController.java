package com.leadledger.command.registration;

import com.leadledger.command.audit.ReceiptSigner;
import com.leadledger.command.common.CommandMetadata;
import com.leadledger.command.common.IdGenerator;
import com.leadledger.command.common.Texts;
import com.leadledger.command.opportunity.RegistrationAccepted;
import com.leadledger.command.opportunity.ReportOutcome;
import com.leadledger.command.opportunity.RequestExtension;
import com.leadledger.events.common.Money;
import com.leadledger.command.opportunity.SubmitRegistration;
import com.leadledger.command.opportunity.WithdrawRegistration;
import com.leadledger.command.policy.PolicyVersions;
import com.leadledger.command.policy.PublishedPolicy;
import com.leadledger.integrity.receipt.Receipt;
import com.leadledger.events.opportunity.OpportunityIds;
import com.leadledger.events.registration.RegistrationStatus;
import com.leadledger.kit.domain.RuleViolation;
import com.leadledger.kit.security.Actor;
import com.leadledger.kit.domain.Role;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;

@RestController
@RequestMapping("/api/v1/registrations")
class RegistrationController {

    private final CommandGateway commands;
    private final PolicyVersions policies;
    private final RegistrationRequestValidator validator;
    private final RegistrationLookup lookup;
    private final IdGenerator ids;
    private final PartnerEligibility eligibility;
    private final ReceiptSigner receipts;

    RegistrationController(CommandGateway commands, PolicyVersions policies, RegistrationRequestValidator validator,
                           RegistrationLookup lookup, IdGenerator ids, PartnerEligibility eligibility,
                           ReceiptSigner receipts) {
        this.receipts = receipts;
        this.commands = commands;
        this.policies = policies;
        this.validator = validator;
        this.lookup = lookup;
        this.ids = ids;
        this.eligibility = eligibility;
    }

    record SubmissionResponse(String registrationId, String opportunityId, RegistrationStatus status,
                              Instant acceptedAt, Receipt receipt) {
    }

    record WithdrawRequest(@Size(max = 2000) String reason) {
    }

    record StatusResponse(String registrationId, RegistrationStatus status) {
    }

    @PostMapping
    ResponseEntity<SubmissionResponse> submit(@Valid @RequestBody SubmitRegistrationRequest body,
                                              Authentication authentication, HttpServletRequest request) {
        Actor partner = Actor.from(authentication);
        PublishedPolicy policy = policies.inForce();
        var valid = validator.validate(body, policy);
        eligibility.requireEligible(partner.partnerId(), valid.productLine());
        String opportunityId = OpportunityIds.idFor(valid.customer().key(), valid.productLine());
        var command = new SubmitRegistration(opportunityId, ids.newId(), partner.partnerId(), valid.customer(),
                valid.productLine(), valid.estimatedValue(), valid.expectedCloseDate(), valid.description(),
                policy.version());
        RegistrationAccepted accepted =
                commands.sendAndWait(CommandMetadata.command(command, partner, Role.PARTNER, request));
        String eventHash = lookup.submissionEventHash(accepted.registrationId()).orElseThrow(
                () -> new IllegalStateException("accepted registration " + accepted.registrationId() + " has no hash"));
        Receipt receipt = receipts.sign(accepted.registrationId(), accepted.opportunityId(), partner.partnerId(),
                accepted.acceptedAt().toString(), eventHash);
        return ResponseEntity.created(URI.create("/api/v1/registrations/" + accepted.registrationId()))
                .body(new SubmissionResponse(accepted.registrationId(), accepted.opportunityId(),
                        RegistrationStatus.SUBMITTED, accepted.acceptedAt(), receipt));
    }

    @PostMapping("/{registrationId}/withdraw")
    StatusResponse withdraw(@PathVariable String registrationId,
                            @Valid @RequestBody(required = false) WithdrawRequest body,
                            Authentication authentication, HttpServletRequest request) {
        Actor partner = Actor.from(authentication);
        var entry = ownEntry(registrationId, partner);
        commands.sendAndWait(CommandMetadata.command(
                new WithdrawRegistration(entry.opportunityId(), registrationId, partner.partnerId(),
                        Texts.optional(body == null ? null : body.reason())),
                partner, Role.PARTNER, request));
        return new StatusResponse(registrationId, RegistrationStatus.WITHDRAWN);
    }

    record ExtensionRequestBody(@NotBlank @Size(max = 2000) String reason, @Min(1) @Max(365) Integer days) {
    }

    record ExtensionRequestCreated(String extensionRequestId) {
    }

    @PostMapping("/{registrationId}/extension-requests")
    ResponseEntity<ExtensionRequestCreated> requestExtension(@PathVariable String registrationId,
                                                             @Valid @RequestBody ExtensionRequestBody body,
                                                             Authentication authentication,
                                                             HttpServletRequest request) {
        Actor partner = Actor.from(authentication);
        var entry = ownEntry(registrationId, partner);
        String extensionRequestId = ids.newId();
        commands.sendAndWait(CommandMetadata.command(new RequestExtension(entry.opportunityId(), registrationId,
                extensionRequestId, partner.partnerId(), body.reason().strip(), body.days(),
                policies.inForce().version()), partner, Role.PARTNER, request));
        return ResponseEntity.status(HttpStatus.CREATED).body(new ExtensionRequestCreated(extensionRequestId));
    }

    record OutcomeBody(@NotNull Result result, @Valid SubmitRegistrationRequest.Amount finalValue,
                       @Size(max = 2000) String reason) {
        enum Result { WON, LOST }
    }

    @PostMapping("/{registrationId}/outcome")
    StatusResponse reportOutcome(@PathVariable String registrationId, @Valid @RequestBody OutcomeBody body,
                                 Authentication authentication, HttpServletRequest request) {
        Actor partner = Actor.from(authentication);
        boolean won = body.result() == OutcomeBody.Result.WON;
        Money finalValue = null;
        if (won) {
            if (body.finalValue() == null) {
                throw RuleViolation.invalidField("finalValue", "is required when the result is WON");
            }
            finalValue = new Money(new BigDecimal(body.finalValue().amount()), body.finalValue().currency());
            if (!Money.isIsoCurrency(finalValue.currency())) {
                throw RuleViolation.invalidField("finalValue.currency", "must be an ISO 4217 code");
            }
        } else if (Texts.optional(body.reason()) == null) {
            throw RuleViolation.invalidField("reason", "is required when the result is LOST");
        }
        var entry = ownEntry(registrationId, partner);
        commands.sendAndWait(CommandMetadata.command(new ReportOutcome(entry.opportunityId(), registrationId,
                partner.partnerId(), won, finalValue, Texts.optional(body.reason())), partner, Role.PARTNER, request));
        return new StatusResponse(registrationId, won ? RegistrationStatus.WON : RegistrationStatus.LOST);
    }

    /** "Not yours" and "not found" must look the same to a partner. */
    private RegistrationLookup.Entry ownEntry(String registrationId, Actor partner) {
        return lookup.find(registrationId)
                .filter(e -> e.partnerId().equals(partner.partnerId()))
                .orElseThrow(() -> RuleViolation.notFound("registration"));
    }
}
