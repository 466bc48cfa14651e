package com.leadledger.command.dispute;

import com.leadledger.command.common.CommandMetadata;
import com.leadledger.command.common.IdGenerator;
import com.leadledger.command.common.Texts;
import com.leadledger.command.partner.PartnerRegistry;
import com.leadledger.command.policy.PolicyVersions;
import com.leadledger.events.common.Money;
import com.leadledger.events.dispute.DisputeAmounts;
import com.leadledger.events.dispute.DisputeOutcome;
import com.leadledger.events.dispute.DisputeType;
import com.leadledger.events.dispute.EvidenceDocument;
import com.leadledger.kit.domain.RuleViolation;
import com.leadledger.kit.domain.FieldProblem;
import com.leadledger.kit.security.Actor;
import com.leadledger.kit.domain.Role;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Disputes: opening, evidence, respondent, assignment, escalation, ruling and appeal. A partner that is not a party
 * gets the same 404 as for a dispute that does not exist; every rule of the ladder is checked in the {@link Dispute}
 * aggregate, this class only resolves and validates what the request names.
 */
@RestController
@RequestMapping("/api/v1/disputes")
class DisputeController {

    private final CommandGateway commands;
    private final PolicyVersions policies;
    private final DisputeLookup lookup;
    private final PartnerRegistry partners;
    private final IdGenerator ids;

    DisputeController(CommandGateway commands, PolicyVersions policies, DisputeLookup lookup, PartnerRegistry partners,
                      IdGenerator ids) {
        this.commands = commands;
        this.policies = policies;
        this.lookup = lookup;
        this.partners = partners;
        this.ids = ids;
    }

    record AmountBody(
            @NotBlank @Pattern(regexp = "\\d{1,15}(\\.\\d{1,2})?", message = "must be a decimal string such as 1250000.00")
            String amount,
            @NotBlank @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code such as RUB") String currency) {
    }

    record AmountsBody(
            @Valid AmountBody quotedPrice,
            @Valid AmountBody allegedPrice,
            @DecimalMin("0") @DecimalMax("100") @Digits(integer = 3, fraction = 2) BigDecimal entitledDiscountPercent) {
    }

    record OpenBody(
            @NotNull DisputeType type,
            @Size(max = 64) String registrationId,
            @Size(max = 64) String opportunityId,
            @NotBlank @Size(max = 4000) String description,
            @Valid AmountsBody amounts) {
    }

    record Opened(String disputeId, DisputeType type, int level, Instant slaDueAt) {
    }

    record DocumentBody(
            @NotBlank @Size(max = 300) String name,
            @NotBlank @Pattern(regexp = "[0-9a-fA-F]{64}", message = "must be a SHA-256 as 64 hex digits") String sha256,
            @Size(max = 2000) String link) {
    }

    record EvidenceBody(
            @NotBlank @Size(max = 4000) String description,
            @Valid AmountsBody amounts,
            @Size(max = 50) List<@NotNull @Valid DocumentBody> documents) {
    }

    record EvidenceAdded(String disputeId, String evidenceId) {
    }

    record RespondentBody(@NotBlank @Size(max = 64) String partnerId, @Size(max = 64) String registrationId) {
    }

    record RespondentLinked(String disputeId, String respondentPartnerId, String respondentRegistrationId) {
    }

    record AssignBody(@NotBlank @Size(max = 255) String assignee) {
    }

    record Assigned(String disputeId, String assignee, int level) {
    }

    record ReasonBody(@NotBlank @Size(max = 2000) String reason) {
    }

    record LevelChanged(String disputeId, int level, Instant slaDueAt) {
    }

    record RulingBody(
            @NotNull DisputeOutcome outcome,
            @NotBlank @Size(max = 8000) String rationale,
            @Size(max = 64) String rightfulRegistrationId,
            Boolean revokeRespondentProtection,
            @Min(0) @Max(1000) Integer penaltyPoints) {
    }

    record Ruled(String disputeId, DisputeOutcome outcome, int level, boolean appeal, Instant appealableUntil,
                 long policyVersion) {
    }

    // ---------------------------------------------------------------- opening, evidence, respondent

    /**
     * A partner names its own registration or an opportunity it registered (anything else is the same 404 as an
     * unknown one); staff may name any. A price-dumping complaint needs its amounts.
     */
    @PostMapping
    ResponseEntity<Opened> open(@Valid @RequestBody OpenBody body, Authentication auth, HttpServletRequest request) {
        Actor actor = Actor.from(auth);
        boolean staff = actor.isStaff();
        DisputeAmounts amounts = amounts(body.amounts(), "amounts", body.type() == DisputeType.PRICE_DUMPING);
        String registrationId = Texts.optional(body.registrationId());
        String opportunityId = Texts.optional(body.opportunityId());
        if (registrationId == null && opportunityId == null) {
            throw RuleViolation.invalidField("registrationId",
                    "a registrationId or an opportunityId is required");
        }
        String partnerId = staff ? null : requirePartnerId(actor);
        if (registrationId != null) {
            var registration = lookup.registration(registrationId)
                    .filter(r -> staff || r.partnerId().equals(partnerId))
                    .orElseThrow(() -> RuleViolation.notFound("registration"));
            if (opportunityId != null && !opportunityId.equals(registration.opportunityId())) {
                throw RuleViolation.invalidField("opportunityId",
                        "must be the opportunity of the named registration");
            }
            opportunityId = registration.opportunityId();
        } else if (!lookup.hasRegistrationOn(opportunityId, partnerId)) {
            throw RuleViolation.notFound("opportunity");
        }
        Role role = staff ? actor.staffRole() : Role.PARTNER;
        String disputeId = ids.newId();
        DisputeLevel opened = commands.sendAndWait(CommandMetadata.command(new OpenDispute(disputeId, body.type(),
                opportunityId, registrationId, partnerId, role, body.description().strip(), amounts,
                policies.inForce().version()), actor, role, request));
        return ResponseEntity.created(URI.create("/api/v1/disputes/" + disputeId))
                .body(new Opened(disputeId, body.type(), opened.level(), opened.slaDueAt()));
    }

    @PostMapping("/{disputeId}/evidence")
    ResponseEntity<EvidenceAdded> addEvidence(@PathVariable String disputeId, @Valid @RequestBody EvidenceBody body,
                                              Authentication auth, HttpServletRequest request) {
        Actor actor = Actor.from(auth);
        DisputeAmounts amounts = amounts(body.amounts(), "amounts", false);
        List<EvidenceDocument> documents = documents(body.documents());
        visible(disputeId, actor);
        String evidenceId = ids.newId();
        commands.sendAndWait(CommandMetadata.command(new AddEvidence(disputeId, evidenceId, actor.subject(),
                partnerOf(actor), body.description().strip(), amounts, documents), actor, roleOf(actor), request));
        return ResponseEntity.status(HttpStatus.CREATED).body(new EvidenceAdded(disputeId, evidenceId));
    }

    /** Staff name the respondent; it must be a known partner, and a named registration must be its own. */
    @PostMapping("/{disputeId}/respondent")
    RespondentLinked linkRespondent(@PathVariable String disputeId, @Valid @RequestBody RespondentBody body,
                                    Authentication auth, HttpServletRequest request) {
        Actor staff = Actor.from(auth);
        visible(disputeId, staff);
        String partnerId = body.partnerId().strip();
        if (partners.find(partnerId).isEmpty()) {
            throw rule("partnerId", "is not a known partner", "PARTNER_UNKNOWN");
        }
        String registrationId = Texts.optional(body.registrationId());
        String registrationOpportunityId = null;
        if (registrationId != null) {
            var registration = lookup.registration(registrationId)
                    .filter(r -> r.partnerId().equals(partnerId))
                    .orElseThrow(() -> rule("registrationId", "must be a registration of the respondent partner",
                            "NOT_RESPONDENTS_REGISTRATION"));
            registrationOpportunityId = registration.opportunityId();
        }
        commands.sendAndWait(CommandMetadata.command(new LinkRespondent(disputeId, partnerId, registrationId,
                registrationOpportunityId), staff, staff.staffRole(), request));
        return new RespondentLinked(disputeId, partnerId, registrationId);
    }

    // ---------------------------------------------------------------- assignment and escalation

    @PostMapping("/{disputeId}/assign")
    Assigned assign(@PathVariable String disputeId, @Valid @RequestBody AssignBody body, Authentication auth,
                    HttpServletRequest request) {
        Actor staff = Actor.from(auth);
        var entry = visible(disputeId, staff);
        Role role = DisputeLevels.actingRole(staff, entry.level());
        int level = commands.sendAndWait(CommandMetadata.command(new AssignDispute(disputeId, body.assignee().strip(),
                staff.subject(), role), staff, role, request));
        return new Assigned(disputeId, body.assignee().strip(), level);
    }

    @PostMapping("/{disputeId}/escalate")
    LevelChanged escalate(@PathVariable String disputeId, @Valid @RequestBody ReasonBody body, Authentication auth,
                          HttpServletRequest request) {
        Actor actor = Actor.from(auth);
        visible(disputeId, actor);
        DisputeLevel escalated = commands.sendAndWait(CommandMetadata.command(new EscalateDispute(disputeId,
                partnerOf(actor), body.reason().strip(), policies.inForce().version()), actor, roleOf(actor), request));
        return new LevelChanged(disputeId, escalated.level(), escalated.slaDueAt());
    }

    // ---------------------------------------------------------------- ruling and appeal

    /**
     * Only a decider of the dispute's current level rules (403 otherwise, from the aggregate). The rightful registration
     * must be one of the dispute's opportunity; effects come only with UPHELD.
     */
    @PostMapping("/{disputeId}/ruling")
    Ruled rule(@PathVariable String disputeId, @Valid @RequestBody RulingBody body, Authentication auth,
               HttpServletRequest request) {
        Actor staff = Actor.from(auth);
        String rightful = Texts.optional(body.rightfulRegistrationId());
        boolean revoke = Boolean.TRUE.equals(body.revokeRespondentProtection());
        int points = body.penaltyPoints() == null ? 0 : body.penaltyPoints();
        if (body.outcome() == DisputeOutcome.DISMISSED) {
            List<FieldProblem> errors = new ArrayList<>();
            if (rightful != null) {
                errors.add(new FieldProblem("rightfulRegistrationId", "must be empty when DISMISSED",
                        "EFFECTS_ONLY_WHEN_UPHELD"));
            }
            if (revoke) {
                errors.add(new FieldProblem("revokeRespondentProtection", "must be false when DISMISSED",
                        "EFFECTS_ONLY_WHEN_UPHELD"));
            }
            if (points > 0) {
                errors.add(new FieldProblem("penaltyPoints", "must be 0 when DISMISSED", "EFFECTS_ONLY_WHEN_UPHELD"));
            }
            if (!errors.isEmpty()) {
                throw RuleViolation.invalidFields("A dismissed dispute has no effects.", errors);
            }
        }
        var entry = visible(disputeId, staff);
        if (rightful != null && lookup.registration(rightful)
                .filter(r -> r.opportunityId().equals(entry.opportunityId())).isEmpty()) {
            throw rule("rightfulRegistrationId", "must be a registration of the dispute's opportunity",
                    "NOT_ON_DISPUTED_OPPORTUNITY");
        }
        Role role = DisputeLevels.actingRole(staff, entry.level());
        long version = policies.inForce().version();
        RulingMade ruling = commands.sendAndWait(CommandMetadata.command(new RuleOnDispute(disputeId, staff.subject(),
                role, body.outcome(), body.rationale().strip(), rightful, revoke, points, version), staff, role,
                request));
        return new Ruled(disputeId, body.outcome(), ruling.level(), ruling.appeal(), ruling.appealableUntil(), version);
    }

    @PostMapping("/{disputeId}/appeal")
    LevelChanged appeal(@PathVariable String disputeId, @Valid @RequestBody ReasonBody body, Authentication auth,
                        HttpServletRequest request) {
        Actor partner = Actor.from(auth);
        visible(disputeId, partner);
        DisputeLevel appealed = commands.sendAndWait(CommandMetadata.command(new AppealRuling(disputeId,
                requirePartnerId(partner), body.reason().strip(), policies.inForce().version()), partner,
                Role.PARTNER, request));
        return new LevelChanged(disputeId, appealed.level(), appealed.slaDueAt());
    }

    // ---------------------------------------------------------------- helpers

    /** The dispute as the caller may see it: staff see all, a partner only the disputes it is a party to. */
    private DisputeLookup.Entry visible(String disputeId, Actor actor) {
        return lookup.find(disputeId)
                .filter(entry -> actor.isStaff() || entry.hasParty(actor.partnerId()))
                .orElseThrow(() -> RuleViolation.notFound("dispute"));
    }

    private static String partnerOf(Actor actor) {
        return actor.isStaff() ? null : requirePartnerId(actor);
    }

    private static Role roleOf(Actor actor) {
        return actor.isStaff() ? actor.staffRole() : Role.PARTNER;
    }

    private static String requirePartnerId(Actor actor) {
        if (actor.partnerId() == null) {
            throw new RuleViolation(RuleViolation.Kind.FORBIDDEN, "PARTNER_UNKNOWN", "The token names no partner.");
        }
        return actor.partnerId();
    }

    private static DisputeAmounts amounts(AmountsBody body, String field, boolean required) {
        if (body == null) {
            if (required) {
                throw rule(field, "are required for a PRICE_DUMPING complaint", "AMOUNTS_REQUIRED");
            }
            return null;
        }
        List<FieldProblem> errors = new ArrayList<>();
        if (required) {
            if (body.quotedPrice() == null) {
                errors.add(new FieldProblem(field + ".quotedPrice", "is required", "AMOUNTS_REQUIRED"));
            }
            if (body.allegedPrice() == null) {
                errors.add(new FieldProblem(field + ".allegedPrice", "is required", "AMOUNTS_REQUIRED"));
            }
            if (body.entitledDiscountPercent() == null) {
                errors.add(new FieldProblem(field + ".entitledDiscountPercent", "is required", "AMOUNTS_REQUIRED"));
            }
        }
        Money quoted = money(body.quotedPrice(), field + ".quotedPrice", errors);
        Money alleged = money(body.allegedPrice(), field + ".allegedPrice", errors);
        if (quoted != null && alleged != null && !quoted.currency().equals(alleged.currency())) {
            errors.add(new FieldProblem(field + ".allegedPrice.currency", "must be the quoted price's currency",
                    "CURRENCY_MISMATCH"));
        }
        if (!errors.isEmpty()) {
            throw RuleViolation.invalidFields("The amounts are incomplete or invalid.",
                    errors);
        }
        if (quoted == null && alleged == null && body.entitledDiscountPercent() == null) {
            return null;
        }
        return new DisputeAmounts(quoted, alleged, body.entitledDiscountPercent());
    }

    private static Money money(AmountBody body, String field, List<FieldProblem> errors) {
        if (body == null) {
            return null;
        }
        if (!Money.isIsoCurrency(body.currency())) {
            errors.add(new FieldProblem(field + ".currency", "must be an ISO 4217 code"));
            return null;
        }
        return new Money(new BigDecimal(body.amount()), body.currency());
    }

    private static List<EvidenceDocument> documents(List<DocumentBody> bodies) {
        if (bodies == null) {
            return List.of();
        }
        List<EvidenceDocument> documents = new ArrayList<>();
        for (int i = 0; i < bodies.size(); i++) {
            DocumentBody body = bodies.get(i);
            documents.add(new EvidenceDocument(body.name().strip(), body.sha256().toLowerCase(Locale.ROOT),
                    link(body.link(), "documents[" + i + "].link")));
        }
        return List.copyOf(documents);
    }

    private static String link(String url, String field) {
        if (url == null || url.isBlank()) {
            return null;
        }
        try {
            URI uri = URI.create(url.strip());
            if (("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) && uri.getHost() != null) {
                return uri.toString();
            }
        } catch (IllegalArgumentException ignored) {
            // reported below
        }
        throw RuleViolation.invalidField(field, "must be an absolute http(s) URL");
    }

    private static RuleViolation rule(String field, String message, String rule) {
        return RuleViolation.invalidField(field, message, rule);
    }
}
