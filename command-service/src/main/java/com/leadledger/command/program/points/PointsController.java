package com.leadledger.command.program.points;

import com.leadledger.command.common.IdGenerator;
import com.leadledger.command.web.HttpCommands;
import com.leadledger.events.common.Money;
import com.leadledger.events.program.PointsRedeemed;
import com.leadledger.events.program.ProgramStreams;
import com.leadledger.kit.domain.Role;
import com.leadledger.kit.domain.RuleViolation;
import com.leadledger.kit.openapi.ProblemCodes;
import com.leadledger.kit.security.Actor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.net.URI;

/** A partner's user redeems the partner's points (the partner from the token; another partner's id is 404). */
@Tag(name = "points")
@RestController
@RequestMapping("/api/v1/partners")
class PointsController {

    private final HttpCommands commands;
    private final IdGenerator ids;

    PointsController(HttpCommands commands, IdGenerator ids) {
        this.commands = commands;
        this.ids = ids;
    }

    @Schema(example = "{\"kind\": \"EXTRA_DISCOUNT\", \"points\": 20, \"registrationId\": \"3f1c2a9e-…\"}")
    record RedemptionBody(@NotNull PointsRedeemed.Kind kind, int points, @Size(max = 64) String registrationId) {
    }

    record Redeemed(String redemptionId, String partnerId, PointsRedeemed.Kind kind, int points,
                    Money marketingFundCredit, BigDecimal extraDiscountPercent, String registrationId) {
    }

    @Operation(operationId = "redeemPoints", summary = "Redeem the partner's points",
            description = "Spends points, oldest awards first, for a MARKETING_FUND_CREDIT (worth the policy's credit "
                    + "per point in the program currency) or an EXTRA_DISCOUNT (the policy's percentage points per "
                    + "point, on top of the approved discount of the partner's own approved registration named by "
                    + "registrationId, at most the policy's maximum per registration). Within the policy's caps per "
                    + "partner and per individual user in a rolling period. A refused redemption records nothing. "
                    + "Role: PARTNER (its own id only; another partner's id is 404).")
    @ApiResponse(responseCode = "201", description = "Points redeemed.", useReturnTypeSchema = true)
    @ProblemCodes(status = 400, value = {"POINTS_NOT_POSITIVE", "REGISTRATION_REQUIRED", "REGISTRATION_NOT_EXPECTED"})
    @ProblemCodes(status = 409, value = {"POINTS_INSUFFICIENT", "POINTS_REDEMPTION_CAP_EXCEEDED",
            "REGISTRATION_NOT_ELIGIBLE", "POINTS_REDEMPTION_UNAVAILABLE"})
    @PostMapping("/{partnerId}/points/redemptions")
    ResponseEntity<Redeemed> redeem(@PathVariable String partnerId, @Valid @RequestBody RedemptionBody body,
                                    Authentication auth, HttpServletRequest request) {
        Actor actor = Actor.from(auth);
        if (!partnerId.equals(actor.requirePartnerId())) {
            throw RuleViolation.notFound("partner"); // another partner's points: "not yours" looks like "not found"
        }
        String redemptionId = ids.newId();
        PointsRedeemed redeemed = commands.send(new RedeemPoints(ProgramStreams.pointsLedger(partnerId), partnerId,
                redemptionId, body.kind(), body.points(), body.registrationId(), actor.subject()), actor,
                Role.PARTNER, request);
        // the ledger's history, this redemption included, is the scorecard's points part on the query service
        return ResponseEntity.created(URI.create("/api/v1/partners/" + partnerId + "/scorecard")).body(new Redeemed(
                redemptionId, partnerId, redeemed.kind(), redeemed.points(), redeemed.marketingFundCredit(),
                redeemed.extraDiscountPercent(), redeemed.registrationId()));
    }
}
