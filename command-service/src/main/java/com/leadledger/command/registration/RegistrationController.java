package com.leadledger.command.registration;

import com.leadledger.command.common.CommandMetadata;
import com.leadledger.command.common.IdGenerator;
import com.leadledger.command.opportunity.RegistrationAccepted;
import com.leadledger.command.opportunity.SubmitRegistration;
import com.leadledger.command.opportunity.WithdrawRegistration;
import com.leadledger.command.policy.PolicyVersions;
import com.leadledger.command.policy.PublishedPolicy;
import com.leadledger.events.opportunity.OpportunityIds;
import com.leadledger.events.registration.RegistrationStatus;
import com.leadledger.kit.problem.ApiException;
import com.leadledger.kit.security.Actor;
import com.leadledger.kit.security.Role;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
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

    RegistrationController(CommandGateway commands, PolicyVersions policies, RegistrationRequestValidator validator,
                           RegistrationLookup lookup, IdGenerator ids) {
        this.commands = commands;
        this.policies = policies;
        this.validator = validator;
        this.lookup = lookup;
        this.ids = ids;
    }

    record SubmissionResponse(String registrationId, String opportunityId, RegistrationStatus status,
                              Instant acceptedAt) {
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
        String opportunityId = OpportunityIds.idFor(valid.customer().key(), valid.productLine());
        var command = new SubmitRegistration(opportunityId, ids.newId(), partner.partnerId(), valid.customer(),
                valid.productLine(), valid.estimatedValue(), valid.expectedCloseDate(), valid.description(),
                policy.version());
        RegistrationAccepted accepted =
                commands.sendAndWait(CommandMetadata.command(command, partner, Role.PARTNER, request));
        return ResponseEntity.created(URI.create("/api/v1/registrations/" + accepted.registrationId()))
                .body(new SubmissionResponse(accepted.registrationId(), accepted.opportunityId(),
                        RegistrationStatus.SUBMITTED, accepted.acceptedAt()));
    }

    @PostMapping("/{registrationId}/withdraw")
    StatusResponse withdraw(@PathVariable String registrationId,
                            @Valid @RequestBody(required = false) WithdrawRequest body,
                            Authentication authentication, HttpServletRequest request) {
        Actor partner = Actor.from(authentication);
        // "not yours" and "not found" must look the same to a partner
        var entry = lookup.find(registrationId)
                .filter(e -> e.partnerId().equals(partner.partnerId()))
                .orElseThrow(() -> ApiException.notFound("registration"));
        String reason = body == null || body.reason() == null || body.reason().isBlank() ? null : body.reason().strip();
        commands.sendAndWait(CommandMetadata.command(
                new WithdrawRegistration(entry.opportunityId(), registrationId, partner.partnerId(), reason),
                partner, Role.PARTNER, request));
        return new StatusResponse(registrationId, RegistrationStatus.WITHDRAWN);
    }
}
