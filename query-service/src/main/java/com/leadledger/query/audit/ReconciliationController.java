package com.leadledger.query.audit;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The latest comparison of this copy with the event store, for auditors (see SecurityConfig). */
@Tag(name = "audit")
@RestController
@RequestMapping("/api/v1/audit/reconciliation")
class ReconciliationController {

    private final Reconciliation reconciliation;

    ReconciliationController(Reconciliation reconciliation) {
        this.reconciliation = reconciliation;
    }

    /** The last periodic report, or a fresh FULL one with {@code refresh=true}. */
    @Operation(operationId = "reconciliationReport", summary = "Reconciliation report",
            description = "Whether this service's copy of the history matches the command side's checkpoints: the "
                    + "latest periodic report (scope INCREMENTAL: only the events after readAfter were read; FULL: the "
                    + "whole copy), or with refresh=true a FULL reconciliation now. Role: AUDITOR.")
    @GetMapping
    public Reconciliation.Report report(@RequestParam(required = false, defaultValue = "false") boolean refresh) {
        return refresh ? reconciliation.refresh() : reconciliation.latest();
    }
}
