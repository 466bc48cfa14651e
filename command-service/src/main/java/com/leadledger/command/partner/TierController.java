package com.leadledger.command.partner;

import com.leadledger.command.web.HttpCommands;
import com.leadledger.events.partner.PartnerTier;
import com.leadledger.kit.domain.Role;
import com.leadledger.kit.openapi.ProblemCodes;
import com.leadledger.kit.security.Actor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;

/** The tier qualification run and the confirmation of its proposals (ADMIN). */
@Tag(name = "partners")
@RestController
class TierController {

    private final HttpCommands commands;
    private final TierQualificationRun run;
    private final Clock clock;

    TierController(HttpCommands commands, TierQualificationRun run, Clock clock) {
        this.commands = commands;
        this.run = run;
        this.clock = clock;
    }

    @Schema(example = "{\"tier\": \"PLATINUM\", \"justification\": \"Strategic account: signed the 2027 framework "
            + "agreement\"}")
    record ConfirmationRequest(
            @Pattern(regexp = PartnerController.TIER, message = PartnerController.TIER_MESSAGE) String tier,
            @Size(max = 2000) String justification) {
    }

    record TierConfirmed(String partnerId, String evaluationId, String change) {
    }

    @Operation(operationId = "startQualificationRun", summary = "Run the tier qualification now",
            description = "Evaluates every active partner against the tiers of the policy in force: WON revenue over "
                    + "the trailing 12 months in the program currency, certified specialists per product line valid "
                    + "today, penalty points and the early-registration share. Each partner gets a "
                    + "TierQualificationEvaluated event with every figure and the proposed tier; no tier changes "
                    + "until an admin confirms. Role: ADMIN.")
    @ApiResponse(responseCode = "201", description = "The run's evaluations (and the partners skipped).",
            useReturnTypeSchema = true)
    @PostMapping("/api/v1/program/qualification-runs")
    ResponseEntity<TierQualificationRun.Result> startRun(Authentication auth, HttpServletRequest request) {
        Actor actor = Actor.from(auth);
        TierQualificationRun.Result result = run.run(clock.instant(),
                command -> commands.send(command, actor, Role.ADMIN, request));
        return ResponseEntity.status(HttpStatus.CREATED).body(result);
    }

    @Operation(operationId = "confirmTierProposal", summary = "Confirm a tier proposal",
            description = "Confirms the partner's latest qualification evaluation: without a tier, its proposed tier "
                    + "takes effect; another tier of the policy in force needs a written justification. The partner's "
                    + "next approvals get the new tier's protection days and discount cap. Role: ADMIN.")
    @ProblemCodes(status = 400, value = {"TIER_UNKNOWN", "JUSTIFICATION_REQUIRED"})
    @ProblemCodes(status = 409, value = {"NO_CHANGE"})
    @PostMapping("/api/v1/partners/{partnerId}/tier-proposals/{evaluationId}/confirmation")
    TierConfirmed confirm(@PathVariable String partnerId, @PathVariable String evaluationId,
                          @Valid @RequestBody(required = false) ConfirmationRequest body, Authentication auth,
                          HttpServletRequest request) {
        PartnerTier tier = body == null || body.tier() == null ? null : PartnerTier.of(body.tier());
        commands.send(new ConfirmTierProposal(partnerId, evaluationId, tier, body == null ? null : body.justification()),
                Actor.from(auth), Role.ADMIN, request);
        return new TierConfirmed(partnerId, evaluationId, "TIER_CONFIRMED");
    }
}
