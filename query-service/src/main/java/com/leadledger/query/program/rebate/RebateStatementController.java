package com.leadledger.query.program.rebate;

import com.leadledger.events.program.RebateAccrued;
import com.leadledger.kit.domain.RuleViolation;
import com.leadledger.kit.openapi.FieldRules;
import com.leadledger.kit.security.Actor;
import com.leadledger.kit.web.AsOfParameter;
import com.leadledger.kit.web.PageRequestParams;
import com.leadledger.kit.web.PageResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.core.Authentication;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A partner's rebate statement per period, from its RebateAccrued events as of an instant: the partner itself, staff,
 * AUDITOR and ADMIN (see SecurityConfig); another partner's id is not found.
 */
@Tag(name = "program")
@RestController
@RequestMapping("/api/v1/partners/{partnerId}/rebates")
class RebateStatementController {

    private static final Pattern PERIOD = Pattern.compile("\\d{4}(-Q[1-4])?");
    private static final String DESCRIPTION = "The partner's rebate statements (one per closed period, of the given "
            + "period or of all), as recorded when the period was closed and stored at or before asOf (default "
            + "now): volume per product line, season and off-season, last year's volume, the baseline, each bracket "
            + "applied with its rate and amount, the policy version and the payout schedule. A period not closed "
            + "yet has no statement; a period of the other kind than the policy in force at asOf accrues (a year "
            + "under quarterly accrual, or the other way round) is refused (rule REBATE_PERIOD_KIND) unless "
            + "statements of it exist from an earlier policy version. Paged; JSON, or CSV with Accept: text/csv "
            + "(one row per statement, its lines and payouts as JSON cells). Role: the partner itself (another partner's id is not found), staff, AUDITOR, "
            + "ADMIN.";

    private final RebateStatements statements;
    private final Clock clock;

    RebateStatementController(RebateStatements statements, Clock clock) {
        this.statements = statements;
        this.clock = clock;
    }

    @Operation(operationId = "rebateStatements", summary = "Read a partner's rebate statements",
            description = DESCRIPTION)
    @FieldRules({"REBATE_PERIOD_INVALID", "REBATE_PERIOD_KIND"})
    @GetMapping
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public PageResponse<RebateAccrued> statements(
            @PathVariable String partnerId,
            @Parameter(description = "A quarter like 2026-Q4 or a year like 2026; every period when absent",
                    example = "2026-Q4") @RequestParam(required = false) String period,
            @Parameter(description = "The instant of the event log the statements are read from: an ISO-8601 UTC "
                    + "instant, not in the future; default now",
                    example = "2027-01-10T00:00:00Z") @RequestParam(required = false) String asOf,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
            Authentication auth) {
        PageRequestParams paging = PageRequestParams.of(page, size);
        List<RebateAccrued> all = statements.statements(visible(partnerId, auth), period(period),
                AsOfParameter.of(asOf, clock.instant()));
        List<RebateAccrued> items = all.stream().skip(paging.offset()).limit(paging.size()).toList();
        return new PageResponse<>(items, paging.page(), paging.size(), all.size());
    }

    private static String visible(String partnerId, Authentication auth) {
        Actor actor = Actor.from(auth);
        if (actor.isPartnerOnly() && !partnerId.equals(actor.partnerId())) {
            throw RuleViolation.notFound("partner");
        }
        return partnerId;
    }

    private static String period(String period) {
        if (period != null && !PERIOD.matcher(period).matches()) {
            throw RuleViolation.invalidField("period", "must be a quarter like 2026-Q4 or a year like 2026",
                    "REBATE_PERIOD_INVALID");
        }
        return period;
    }
}
