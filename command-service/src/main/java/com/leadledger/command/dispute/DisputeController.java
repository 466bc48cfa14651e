package com.leadledger.command.dispute;

import com.leadledger.command.common.IdGenerator;
import com.leadledger.command.common.Texts;
import com.leadledger.command.web.HttpCommands;
import com.leadledger.command.web.MoneyBody;
import com.leadledger.events.dispute.DisputeAmounts;
import com.leadledger.events.dispute.DisputeOutcome;
import com.leadledger.events.dispute.DisputeType;
import com.leadledger.events.dispute.EvidenceDocument;
import com.leadledger.kit.domain.Role;
import com.leadledger.kit.security.Actor;
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
import java.util.List;

/**
 * Disputes: opening, evidence, respondent, assignment, escalation, ruling and appeal. Every rule of the ladder —
 * who may see, open, rule and appeal, and what a ruling may order — is checked by the {@link Dispute} aggregate;
 * this adapter maps requests to commands.
 */
@RestController
@RequestMapping("/api/v1/disputes")
class DisputeController {

    private final HttpCommands commands;
    private final IdGenerator ids;

    DisputeController(HttpCommands commands, IdGenerator ids) {
        this.commands = commands;
        this.ids = ids;
    }

    record AmountsBody(
            @Valid MoneyBody quotedPrice,
            @Valid MoneyBody allegedPrice,
            @DecimalMin("0") @DecimalMax("100") @Digits(integer = 3, fraction = 2) BigDecimal entitledDiscountPercent) {

        static DisputeAmounts toAmounts(AmountsBody body) {
            return body == null ? null : new DisputeAmounts(MoneyBody.toMoney(body.quotedPrice()),
                    MoneyBody.toMoney(body.allegedPrice()), body.entitledDiscountPercent());
        }
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

        List<EvidenceDocument> toDocuments() {
            return documents == null ? List.of()
                    : documents.stream().map(d -> new EvidenceDocument(d.name(), d.sha256(), d.link())).toList();
        }
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
            @Min(0) @Max(1000) Integer penaltyPoints,
            @Size(max = 4000) String partyStatement) {
    }

    record Ruled(String disputeId, DisputeOutcome outcome, int level, boolean appeal, Instant appealableUntil,
                 long policyVersion) {
    }

    // ---------------------------------------------------------------- opening, evidence, respondent

    @PostMapping
    ResponseEntity<Opened> open(@Valid @RequestBody OpenBody body, Authentication auth, HttpServletRequest request) {
        Actor actor = Actor.from(auth);
        String disputeId = ids.newId();
        DisputeLevel opened = commands.send(new OpenDispute(disputeId, body.type(),
                Texts.optional(body.opportunityId()), Texts.optional(body.registrationId()),
                actor.partnerIdUnlessStaff(), actor.partnerOrStaffRole(), body.description().strip(),
                AmountsBody.toAmounts(body.amounts())), actor, actor.partnerOrStaffRole(), request);
        return ResponseEntity.created(URI.create("/api/v1/disputes/" + disputeId))
                .body(new Opened(disputeId, body.type(), opened.level(), opened.slaDueAt()));
    }

    @PostMapping("/{disputeId}/evidence")
    ResponseEntity<EvidenceAdded> addEvidence(@PathVariable String disputeId, @Valid @RequestBody EvidenceBody body,
                                              Authentication auth, HttpServletRequest request) {
        Actor actor = Actor.from(auth);
        String evidenceId = ids.newId();
        commands.send(new AddEvidence(disputeId, evidenceId, actor.subject(), actor.partnerIdUnlessStaff(),
                body.description().strip(), AmountsBody.toAmounts(body.amounts()), body.toDocuments()), actor,
                actor.partnerOrStaffRole(), request);
        return ResponseEntity.status(HttpStatus.CREATED).body(new EvidenceAdded(disputeId, evidenceId));
    }

    @PostMapping("/{disputeId}/respondent")
    RespondentLinked linkRespondent(@PathVariable String disputeId, @Valid @RequestBody RespondentBody body,
                                    Authentication auth, HttpServletRequest request) {
        Actor staff = Actor.from(auth);
        String partnerId = body.partnerId().strip();
        String registrationId = Texts.optional(body.registrationId());
        commands.send(new LinkRespondent(disputeId, partnerId, registrationId), staff, staff.staffRole(), request);
        return new RespondentLinked(disputeId, partnerId, registrationId);
    }

    // ---------------------------------------------------------------- assignment and escalation

    @PostMapping("/{disputeId}/assign")
    Assigned assign(@PathVariable String disputeId, @Valid @RequestBody AssignBody body, Authentication auth,
                    HttpServletRequest request) {
        Actor staff = Actor.from(auth);
        String assignee = body.assignee().strip();
        int level = commands.send(new AssignDispute(disputeId, assignee, staff.subject(), staff.roles()), staff,
                staff.staffRole(), request);
        return new Assigned(disputeId, assignee, level);
    }

    @PostMapping("/{disputeId}/escalate")
    LevelChanged escalate(@PathVariable String disputeId, @Valid @RequestBody ReasonBody body, Authentication auth,
                          HttpServletRequest request) {
        Actor actor = Actor.from(auth);
        DisputeLevel escalated = commands.send(new EscalateDispute(disputeId, actor.partnerIdUnlessStaff(),
                body.reason().strip()), actor, actor.partnerOrStaffRole(), request);
        return new LevelChanged(disputeId, escalated.level(), escalated.slaDueAt());
    }

    // ---------------------------------------------------------------- ruling and appeal

    @PostMapping("/{disputeId}/ruling")
    Ruled rule(@PathVariable String disputeId, @Valid @RequestBody RulingBody body, Authentication auth,
               HttpServletRequest request) {
        Actor staff = Actor.from(auth);
        RulingMade ruling = commands.send(new RuleOnDispute(disputeId, staff.subject(), staff.roles(), body.outcome(),
                body.rationale().strip(), Texts.optional(body.rightfulRegistrationId()),
                Boolean.TRUE.equals(body.revokeRespondentProtection()),
                body.penaltyPoints() == null ? 0 : body.penaltyPoints(), Texts.optional(body.partyStatement())), staff,
                staff.staffRole(), request);
        return new Ruled(disputeId, body.outcome(), ruling.level(), ruling.appeal(), ruling.appealableUntil(),
                ruling.policyVersion());
    }

    @PostMapping("/{disputeId}/appeal")
    LevelChanged appeal(@PathVariable String disputeId, @Valid @RequestBody ReasonBody body, Authentication auth,
                        HttpServletRequest request) {
        Actor partner = Actor.from(auth);
        DisputeLevel appealed = commands.send(new AppealRuling(disputeId, partner.requirePartnerId(),
                body.reason().strip()), partner, Role.PARTNER, request);
        return new LevelChanged(disputeId, appealed.level(), appealed.slaDueAt());
    }
}
