package com.leadledger.command.registration;

import com.leadledger.command.common.CommandMetadata;
import com.leadledger.command.common.Texts;
import com.leadledger.command.opportunity.ApproveRegistration;
import com.leadledger.command.opportunity.DecideExtension;
import com.leadledger.command.opportunity.RejectRegistration;
import com.leadledger.command.partner.PartnerRegistry;
import com.leadledger.command.policy.PolicyVersions;
import com.leadledger.command.policy.PublishedPolicy;
import com.leadledger.events.policy.PolicyDocument;
import com.leadledger.events.registration.RegistrationStatus;
import com.leadledger.events.registration.RejectionReason;
import com.leadledger.kit.domain.RuleViolation;
import com.leadledger.kit.domain.FieldProblem;
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
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** Channel staff decisions on registrations: approve, reject, and decide extension requests. */
@RestController
@RequestMapping("/api/v1/registrations/{registrationId}")
class ReviewController {

    private final CommandGateway commands;
    private final PolicyVersions policies;
    private final RegistrationLookup lookup;
    private final PartnerRegistry partners;

    ReviewController(CommandGateway commands, PolicyVersions policies, RegistrationLookup lookup,
                     PartnerRegistry partners) {
        this.commands = commands;
        this.policies = policies;
        this.lookup = lookup;
        this.partners = partners;
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

    /**
     * Protection days default to the partner tier's; staff may give fewer, never more. The discount may not exceed the
     * tier's maximum. Both limits come from the policy in force, whose version the approval records.
     */
    @PostMapping("/approve")
    Approved approve(@PathVariable String registrationId, @Valid @RequestBody ApproveBody body,
                     Authentication auth, HttpServletRequest request) {
        var entry = entry(registrationId);
        PublishedPolicy policy = policies.inForce();
        PolicyDocument.TierRule tier = tierRule(entry.partnerId(), policy);
        if (body.discountPercent().compareTo(tier.maxDiscountPercent()) > 0) {
            throw rule("discountPercent", "must not exceed the partner tier's maximum of "
                    + tier.maxDiscountPercent().toPlainString() + " %", "DISCOUNT_ABOVE_TIER_MAXIMUM");
        }
        int protectionDays = body.protectionDays() == null ? tier.protectionDays() : body.protectionDays();
        if (protectionDays > tier.protectionDays()) {
            throw rule("protectionDays", "must not exceed the partner tier's " + tier.protectionDays() + " days",
                    "PROTECTION_ABOVE_TIER");
        }
        Actor staff = Actor.from(auth);
        Instant protectedUntil = commands.sendAndWait(CommandMetadata.command(new ApproveRegistration(
                entry.opportunityId(), registrationId, body.discountPercent(), protectionDays,
                Texts.optional(body.note()), Texts.optional(body.rulingDisputeId()), policy.version()),
                staff, staff.staffRole(), request));
        return new Approved(registrationId, RegistrationStatus.APPROVED, protectedUntil, policy.version());
    }

    @PostMapping("/reject")
    Rejected reject(@PathVariable String registrationId, @Valid @RequestBody RejectBody body,
                    Authentication auth, HttpServletRequest request) {
        if (body.reasonCode() == RejectionReason.OTHER && Texts.optional(body.note()) == null) {
            throw rule("note", "is required when the reason code is OTHER", "NOTE_REQUIRED");
        }
        var entry = entry(registrationId);
        long version = policies.inForce().version();
        Actor staff = Actor.from(auth);
        commands.sendAndWait(CommandMetadata.command(new RejectRegistration(entry.opportunityId(), registrationId,
                body.reasonCode(), Texts.optional(body.note()), version), staff, staff.staffRole(), request));
        return new Rejected(registrationId, RegistrationStatus.REJECTED, version);
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
        var entry = entry(registrationId);
        Actor staff = Actor.from(auth);
        Instant protectedUntil = commands.sendAndWait(CommandMetadata.command(new DecideExtension(
                entry.opportunityId(), registrationId, extensionRequestId, grant,
                Texts.optional(body == null ? null : body.note()), policies.inForce().version()),
                staff, staff.staffRole(), request));
        return new ExtensionDecision(registrationId, extensionRequestId, grant ? "GRANTED" : "REFUSED", protectedUntil);
    }

    private RegistrationLookup.Entry entry(String registrationId) {
        return lookup.find(registrationId).orElseThrow(() -> RuleViolation.notFound("registration"));
    }

    private PolicyDocument.TierRule tierRule(String partnerId, PublishedPolicy policy) {
        var partner = partners.find(partnerId).orElseThrow(() -> new RuleViolation(RuleViolation.Kind.CONFLICT,
                "PARTNER_UNKNOWN", "The registration's partner is not in the partner registry."));
        PolicyDocument.TierRule rule = policy.policy().tiers().get(partner.tier().name());
        if (rule == null) {
            throw new RuleViolation(RuleViolation.Kind.CONFLICT, "TIER_NOT_IN_POLICY",
                    "Policy version " + policy.version() + " has no rules for tier " + partner.tier() + ".");
        }
        return rule;
    }

    private static RuleViolation rule(String field, String message, String rule) {
        return RuleViolation.invalidField(field, message, rule);
    }
}
