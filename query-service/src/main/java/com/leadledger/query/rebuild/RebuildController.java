package com.leadledger.query.rebuild;

import com.leadledger.kit.domain.RuleViolation;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;

/** Projection rebuilds, for admins (see SecurityConfig). */
@RestController
@RequestMapping("/api/v1/admin/projections/rebuild")
class RebuildController {

    private final ProjectionRebuilder rebuilder;

    RebuildController(ProjectionRebuilder rebuilder) {
        this.rebuilder = rebuilder;
    }

    /** 202 with the progress link; 409 while another rebuild runs. */
    @PostMapping
    ResponseEntity<RebuildStatus> start() {
        RebuildStatus started = rebuilder.start().orElseThrow(() -> new RuleViolation(RuleViolation.Kind.CONFLICT,
                "REBUILD_RUNNING", "A projection rebuild is already running; follow its progress at "
                + "/api/v1/admin/projections/rebuild/" + rebuilder.latest().map(RebuildStatus::rebuildId).orElse("")));
        return ResponseEntity.accepted()
                .location(URI.create("/api/v1/admin/projections/rebuild/" + started.rebuildId()))
                .body(started);
    }

    @GetMapping("/{rebuildId}")
    RebuildStatus status(@PathVariable String rebuildId) {
        return rebuilder.status(rebuildId).orElseThrow(() -> RuleViolation.notFound("rebuild"));
    }

    /** The latest rebuild since this instance started. */
    @GetMapping
    RebuildStatus latest() {
        return rebuilder.latest().orElseThrow(() -> RuleViolation.notFound("rebuild"));
    }
}
