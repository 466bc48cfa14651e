package com.leadledger.query.audit;

import com.leadledger.kit.domain.RuleViolation;
import com.leadledger.kit.openapi.ProblemCodes;
import com.leadledger.kit.problem.Problems;
import com.leadledger.kit.security.Actor;
import com.leadledger.kit.web.PageRequestParams;
import com.leadledger.kit.web.PageResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;

/** The ordered history of an aggregate, for auditors only (see SecurityConfig). */
@Tag(name = "audit")
@RestController
@RequestMapping("/api/v1/audit")
class AuditController {

    private final AuditEventRepository events;
    private final CopyVerifier verifier;
    private final VerifyJobs jobs;

    AuditController(AuditEventRepository events, CopyVerifier verifier, VerifyJobs jobs) {
        this.events = events;
        this.verifier = verifier;
        this.jobs = jobs;
    }

    /**
     * Re-verifies the hash chains of this service's copy of the history, and for {@code all} the command side's
     * checkpoints over it. {@code scope}: {@code all} (default), {@code stream:<aggregateId>} or
     * {@code opportunity:<opportunityId>}. With {@code async=true} it answers 202 at once with a job to follow at
     * {@code Location}. A caller's verification of {@code all} that has not finished yet (either way) makes another
     * one 409 {@code VERIFICATION_RUNNING} with that job at {@code Location}.
     */
    @Operation(operationId = "verifyHistory", summary = "Verify the history",
            description = "Re-verifies the hash chains of this service's copy (scope all, stream:<aggregateId> or "
                    + "opportunity:<opportunityId>) and, for all, the checkpoints over it. With async=true answers "
                    + "202 with a job to follow at Location. Role: AUDITOR.")
    @ApiResponse(responseCode = "202", description = "Started (async=true); follow the job at Location.",
            useReturnTypeSchema = true)
    @ApiResponse(responseCode = "200", description = "The verification result.")
    @ProblemCodes(status = 409, value = {"VERIFICATION_RUNNING"})
    @GetMapping("/verify")
    public ResponseEntity<?> verify(@RequestParam(required = false, defaultValue = "all") String scope,
                                    @RequestParam(required = false, defaultValue = "false") boolean async,
                                    Authentication authentication) {
        String s = scope.trim();
        String streamId = streamOf(s);
        String caller = Actor.from(authentication).subject();
        if (async) {
            VerifyJobs.JobView job = jobs.start(s, streamId, caller);
            return ResponseEntity.accepted().location(jobLocation(job)).body(job);
        }
        if (streamId == null) {
            return ResponseEntity.ok(jobs.verifyWholeCopyNow(s, caller));
        }
        return ResponseEntity.ok(verifier.verify(s, streamId));
    }

    @ExceptionHandler(VerifyJobs.VerificationRunning.class)
    ResponseEntity<ProblemDetail> verificationRunning(VerifyJobs.VerificationRunning refusal) {
        URI running = jobLocation(refusal.running());
        return ResponseEntity.status(HttpStatus.CONFLICT).location(running)
                .body(Problems.of(HttpStatus.CONFLICT, "VERIFICATION_RUNNING", "Your verification of the whole copy "
                        + "has not finished yet; follow it at " + running + " and start another once it has."));
    }

    private static URI jobLocation(VerifyJobs.JobView job) {
        return URI.create("/api/v1/audit/verify/jobs/" + job.id());
    }

    @Operation(operationId = "verificationJob", summary = "Read a verification job",
            description = "Progress and result of an asynchronous verification. Role: AUDITOR.")
    @GetMapping("/verify/jobs/{id}")
    public VerifyJobs.JobView job(@PathVariable String id) {
        return jobs.find(id).orElseThrow(() -> RuleViolation.notFound("verification job"));
    }

    /** The stream a scope names, or null for {@code all}. */
    private static String streamOf(String scope) {
        if (scope.equals("all")) {
            return null;
        }
        for (String prefix : new String[]{"stream:", "opportunity:"}) {
            if (scope.startsWith(prefix) && scope.length() > prefix.length()
                    && scope.length() <= prefix.length() + 255) {
                return scope.substring(prefix.length());
            }
        }
        throw RuleViolation.invalidField("scope",
                "must be all, stream:<aggregateId> or opportunity:<opportunityId>");
    }

    @Operation(operationId = "auditEvents", summary = "List audit events",
            description = "The stored events of one aggregate (aggregateId is required) in order, with their "
                    + "global index, chain links (previousHash, eventHash), metadata (actor, role, partner, "
                    + "correlation, causation and request ids) and payload as stored, paged. Role: AUDITOR.")
    @GetMapping("/events")
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public PageResponse<AuditEvent> events(@RequestParam(required = false) String aggregateId,
                                           @RequestParam(required = false) Integer page,
                                           @RequestParam(required = false) Integer size) {
        if (aggregateId == null || aggregateId.isBlank()) {
            throw RuleViolation.invalidField("aggregateId", "is required");
        }
        PageRequestParams paging = PageRequestParams.of(page, size);
        String id = aggregateId.trim();
        return new PageResponse<>(events.byAggregate(id, paging.offset(), paging.size()), paging.page(),
                paging.size(), events.countByAggregate(id));
    }
}
