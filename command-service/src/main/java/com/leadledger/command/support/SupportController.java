package com.leadledger.command.support;

import com.leadledger.command.common.CommandMetadata;
import com.leadledger.command.common.Texts;
import com.leadledger.command.opportunity.ChangeSupport;
import com.leadledger.command.policy.PolicyVersions;
import com.leadledger.events.opportunity.SupportReason;
import com.leadledger.kit.domain.RuleViolation;
import com.leadledger.kit.security.Actor;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Vendor support decisions (channel staff). Every rule is checked in the Opportunity aggregate. */
@RestController
@RequestMapping("/api/v1/opportunities/{opportunityId}/support")
class SupportController {

    private final CommandGateway commands;
    private final PolicyVersions policies;

    SupportController(CommandGateway commands, PolicyVersions policies) {
        this.commands = commands;
        this.policies = policies;
    }

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

    @PostMapping
    SupportChanged change(@PathVariable String opportunityId, @Valid @RequestBody SupportBody body,
                          Authentication auth, HttpServletRequest request) {
        if (body.action() != ChangeSupport.Action.WITHDRAW && Texts.optional(body.registrationId()) == null) {
            throw RuleViolation.invalidField("registrationId", "is required for " + body.action());
        }
        if (body.reasonCode() == SupportReason.CUSTOMER_WRITTEN_PREFERENCE && body.evidenceSha256() == null) {
            throw RuleViolation.invalidField("evidenceSha256",
                    "is required with CUSTOMER_WRITTEN_PREFERENCE");
        }
        if (body.reasonCode() == SupportReason.ARBITRATION_RULING && Texts.optional(body.rulingDisputeId()) == null) {
            throw RuleViolation.invalidField("rulingDisputeId", "is required with ARBITRATION_RULING");
        }
        long version = policies.inForce().version();
        Actor staff = Actor.from(auth);
        String target = body.action() == ChangeSupport.Action.WITHDRAW ? null : body.registrationId();
        commands.sendAndWait(CommandMetadata.command(new ChangeSupport(opportunityId, body.action(), target,
                body.reasonCode(), Texts.optional(body.rulingDisputeId()),
                body.evidenceSha256() == null ? null : body.evidenceSha256().toLowerCase(java.util.Locale.ROOT),
                Texts.optional(body.note()), version), staff, staff.staffRole(), request));
        return new SupportChanged(opportunityId, body.action(), target, version);
    }
}
