package com.leadledger.command.program.rebate;

import com.leadledger.command.web.HttpCommands;
import com.leadledger.kit.domain.Role;
import com.leadledger.kit.openapi.FieldRules;
import com.leadledger.kit.openapi.ProblemCodes;
import com.leadledger.kit.security.Actor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** ADMIN closes a rebate period on demand (the period-end deadline does the same on its own). */
@Tag(name = "program")
@RestController
@RequestMapping("/api/v1/program/rebate-periods")
class RebatePeriodController {

    private final HttpCommands commands;

    RebatePeriodController(HttpCommands commands) {
        this.commands = commands;
    }

    @Operation(operationId = "closeRebatePeriod", summary = "Close a rebate period",
            description = "Accrues the rebate (RebateAccrued) of every partner that won deals in the period, under "
                    + "the policy in force now: its volume per product line, season and off-season, against its "
                    + "volume in the same period last year. Idempotent per partner and period: closing again "
                    + "accrues nothing new and lists those partners as alreadyAccrued. The period must have ended "
                    + "in the policy's time zone and match the policy's accrual (a quarter like 2026-Q4 or a year "
                    + "like 2026). Role: ADMIN.")
    @ApiResponse(responseCode = "200", description = "Closed; the partners accrued now and before.",
            useReturnTypeSchema = true)
    @FieldRules({"REBATE_PERIOD_INVALID", "REBATE_PERIOD_KIND"})
    @ProblemCodes(status = 409, value = {"REBATE_PERIOD_OPEN", "REBATE_RULES_MISSING"})
    @PostMapping("/{period}/close")
    CloseRebatePeriod.Closed close(@Parameter(description = "A quarter like 2026-Q4 or a year like 2026",
            example = "2026-Q4") @PathVariable String period, Authentication auth, HttpServletRequest request) {
        Actor admin = Actor.from(auth);
        return commands.send(new CloseRebatePeriod(period), admin, Role.ADMIN, request);
    }
}
