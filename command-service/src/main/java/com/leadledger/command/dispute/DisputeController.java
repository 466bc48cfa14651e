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
import com.leadledger.kit.openapi.FieldRules;
import com.leadledger.kit.openapi.ProblemCodes;
import com.leadledger.kit.security.Actor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
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
@Tag(name = "disputes")
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

    @Schema(example = "{\"type\": \"DUPLICATE_CLAIM\", \"registrationId\": \"01J9Z6Q3V8M2K4T7W1X5Y0A2BC\", "
            + "\"description\": \"We registered this customer first\"}")
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

    @Schema(example = "{\"description\": \"Meeting minutes with the customer\", \"documents\": [{\"name\": "
            + "\"minutes.pdf\", \"sha256\": \"9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08\"}]}")
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

    @Schema(example = "{\"partnerId\": \"P-1002\", \"registrationId\": \"01J9Z6Q3V8M2K4T7W1X5Y0A2BD\"}")
    record RespondentBody(@NotBlank @Size(max = 64) String partnerId, @Size(max = 64) String registrationId) {
    }

    record RespondentLinked(String disputeId, String respondentPartnerId, String respondentRegistrationId) {
    }

    @Schema(example = "{\"assignee\": \"channel-director-1\"}")
    record AssignBody(@NotBlank @Size(max = 255) String assignee) {
    }

    record Assigned(String disputeId, String assignee, int level) {
    }

    @Schema(example = "{\"reason\": \"The SLA passed without a decision\"}")
    record ReasonBody(@NotBlank @Size(max = 2000) String reason) {
    }

    record LevelChanged(String disputeId, int level, Instant slaDueAt) {
    }

    @Schema(example = "{\"outcome\": \"UPHELD\", \"rationale\": \"Partner A registered first and worked the deal\", "
            + "\"rightfulRegistrationId\": \"01J9Z6Q3V8M2K4T7W1X5Y0A2BC\", \"revokeRespondentProtection\": true, "
            + "\"penaltyPoints\": 5}")
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

    @Operation(operationId = "openDispute", summary = "Open a dispute",
            description = "A partner or staff member opens a channel-conflict dispute about a registration or "
                    + "opportunity; answers its level and SLA due time. Role: PARTNER or staff.")
    @ApiResponse(responseCode = "201", description = "Opened.", useReturnTypeSchema = true)
    @FieldRules({"AMOUNTS_REQUIRED"})
    @ProblemCodes(status = 403, value = {"PARTNER_UNKNOWN"})
    @ProblemCodes(status = 409, value = {"DISPUTE_ID_TAKEN"})
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

    @Operation(operationId = "addDisputeEvidence", summary = "Add evidence to a dispute",
            description = "A party or staff member adds a described piece of evidence with document hashes. Role: "
                    + "party or staff.")
    @ApiResponse(responseCode = "201", description = "Evidence recorded.", useReturnTypeSchema = true)
    @ProblemCodes(status = 409, value = {"EVIDENCE_LIMIT_REACHED", "DISPUTE_CLOSED"})
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

    @Operation(operationId = "linkRespondent", summary = "Link the respondent",
            description = "Staff name the respondent partner (and its registration) of a dispute. Role: staff.")
    @FieldRules({"PARTNER_UNKNOWN"})
    @ProblemCodes(status = 409, value = {"RESPONDENT_IS_COMPLAINANT", "RESPONDENT_FIXED", "NO_CHANGE",
            "DISPUTE_CLOSED"})
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

    @Operation(operationId = "assignDispute", summary = "Assign a dispute",
            description = "Assigns the dispute to a handler. Role: decider of the current level.")
    @ProblemCodes(status = 409, value = {"NO_CHANGE", "DISPUTE_CLOSED"})
    @PostMapping("/{disputeId}/assign")
    Assigned assign(@PathVariable String disputeId, @Valid @RequestBody AssignBody body, Authentication auth,
                    HttpServletRequest request) {
        Actor staff = Actor.from(auth);
        String assignee = body.assignee().strip();
        int level = commands.send(new AssignDispute(disputeId, assignee, staff.subject(), staff.roles()), staff,
                staff.staffRole(), request);
        return new Assigned(disputeId, assignee, level);
    }

    @Operation(operationId = "escalateDispute", summary = "Escalate a dispute",
            description = "Moves the dispute to the next level with a reason; answers the new level and SLA due time. "
                    + "Role: party or staff.")
    @ProblemCodes(status = 409, value = {"ALREADY_AT_TOP_LEVEL", "ALREADY_ESCALATED", "DISPUTE_CLOSED"})
    @PostMapping("/{disputeId}/escalate")
    LevelChanged escalate(@PathVariable String disputeId, @Valid @RequestBody ReasonBody body, Authentication auth,
                          HttpServletRequest request) {
        Actor actor = Actor.from(auth);
        DisputeLevel escalated = commands.send(new EscalateDispute(disputeId, actor.partnerIdUnlessStaff(),
                body.reason().strip()), actor, actor.partnerOrStaffRole(), request);
        return new LevelChanged(disputeId, escalated.level(), escalated.slaDueAt());
    }

    // ---------------------------------------------------------------- ruling and appeal

    @Operation(operationId = "ruleOnDispute", summary = "Rule on a dispute",
            description = "The decider of the current level rules UPHELD or DISMISSED, with effects (rightful "
                    + "registration, revoked protection, penalty points) only when upheld. Role: decider of the "
                    + "current level.")
    @ProblemCodes(status = 400, value = {"CONTRADICTORY_EFFECTS", "PENALTY_NOT_POSITIVE"})
    @FieldRules("EFFECTS_ONLY_WHEN_UPHELD")
    @ProblemCodes(status = 403, value = {"NOT_DECIDER_OF_LEVEL"})
    @ProblemCodes(status = 409, value = {"NO_RESPONDENT", "NO_RESPONDENT_REGISTRATION", "DISPUTE_CLOSED"})
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

    @Operation(operationId = "appealRuling", summary = "Appeal a ruling",
            description = "A party appeals the ruling within the appeal window; the dispute moves to the next level. "
                    + "Role: party.")
    @ProblemCodes(status = 403, value = {"ONLY_PARTIES_APPEAL", "APPEAL_NEEDS_NEW_PANEL"})
    @ProblemCodes(status = 409, value = {"NOT_RULED_YET", "ALREADY_APPEALED", "APPEAL_WINDOW_CLOSED"})
    @PostMapping("/{disputeId}/appeal")
    LevelChanged appeal(@PathVariable String disputeId, @Valid @RequestBody ReasonBody body, Authentication auth,
                        HttpServletRequest request) {
        Actor partner = Actor.from(auth);
        DisputeLevel appealed = commands.send(new AppealRuling(disputeId, partner.requirePartnerId(),
                body.reason().strip()), partner, Role.PARTNER, request);
        return new LevelChanged(disputeId, appealed.level(), appealed.slaDueAt());
    }
}
