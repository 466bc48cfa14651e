package com.leadledger.query.rebuild;

import com.leadledger.kit.domain.RuleViolation;
import com.leadledger.kit.openapi.ProblemCodes;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;

/** Projection rebuilds, for admins (see SecurityConfig). */
@Tag(name = "admin")
@RestController
@RequestMapping("/api/v1/admin/projections/rebuild")
class RebuildController {

    private final ProjectionRebuilder rebuilder;

    RebuildController(ProjectionRebuilder rebuilder) {
        this.rebuilder = rebuilder;
    }

    /** 202 with the progress link; 409 while another rebuild runs, on this instance or another. */
    @Operation(operationId = "startRebuild", summary = "Rebuild the read models",
            description = "Starts rebuilding every projection from the event history; answers 202 with the progress "
                    + "link in Location. Role: ADMIN.")
    @ApiResponse(responseCode = "202", description = "Started; follow the progress at Location.",
            useReturnTypeSchema = true)
    @ProblemCodes(status = 409, value = {"REBUILD_RUNNING"})
    @PostMapping
    ResponseEntity<RebuildStatus> start() {
        RebuildStatus started = rebuilder.start().orElseThrow(() -> new RuleViolation(RuleViolation.Kind.CONFLICT,
                "REBUILD_RUNNING", rebuilder.latest().filter(RebuildStatus::running)
                .map(running -> "A projection rebuild is already running; follow its progress at "
                        + "/api/v1/admin/projections/rebuild/" + running.rebuildId())
                .orElse("A projection rebuild is already running on another instance of the query service")));
        return ResponseEntity.accepted()
                .location(URI.create("/api/v1/admin/projections/rebuild/" + started.rebuildId()))
                .body(started);
    }

    @Operation(operationId = "rebuildStatus", summary = "Read a rebuild's progress",
            description = "Progress of one rebuild. Role: ADMIN.")
    @GetMapping("/{rebuildId}")
    RebuildStatus status(@PathVariable String rebuildId) {
        return rebuilder.status(rebuildId).orElseThrow(() -> RuleViolation.notFound("rebuild"));
    }

    /** The latest rebuild since this instance started. */
    @Operation(operationId = "latestRebuild", summary = "Read the latest rebuild",
            description = "The latest rebuild since this instance started. Role: ADMIN.")
    @GetMapping
    RebuildStatus latest() {
        return rebuilder.latest().orElseThrow(() -> RuleViolation.notFound("rebuild"));
    }
}
