package com.leadledger.query.deadletter;

import com.leadledger.kit.domain.RuleViolation;
import com.leadledger.kit.openapi.ProblemCodes;
import com.leadledger.kit.security.Actor;
import com.leadledger.kit.web.PageRequestParams;
import com.leadledger.kit.web.PageResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.core.Authentication;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** The dead-letter store, for operators (ADMIN, see SecurityConfig): inspect and retry what the ingest parked. */
@Tag(name = "admin")
@RestController
@RequestMapping("/api/v1/admin/dead-letters")
class DeadLetterController {

    private static final Pattern ID = Pattern.compile("[1-9][0-9]{0,17}");
    private static final int MAX_AGGREGATE_ID = 255;

    private static final int MAX_REASON = 500;

    /** @param reason why the record may go unapplied, for the record (1 to 500 characters) */
    @Schema(example = "{\"reason\": \"Test record from the load test; nothing to apply\"}")
    record DiscardRequest(String reason) {
    }

    /** @param applied the dead letters applied by this retry, in order; @param parked the one parked now, if any */
    record RetryResponse(DeadLetterResponse deadLetter, List<Long> applied, Long parked) {
    }

    private final DeadLetterRepository store;
    private final DeadLetters deadLetters;

    DeadLetterController(DeadLetterRepository store, DeadLetters deadLetters) {
        this.store = store;
        this.deadLetters = deadLetters;
    }

    /** Oldest first (the order they must be retried in), optionally of one status and one aggregate. */
    @Operation(operationId = "listDeadLetters", summary = "List dead letters",
            description = "Events the projection could not apply, paged, filtered by status. Role: ADMIN.")
    @GetMapping
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public PageResponse<DeadLetterResponse> list(@RequestParam(required = false) String status,
                                                 @RequestParam(required = false) String aggregateId,
                                                 @RequestParam(required = false) Integer page,
                                                 @RequestParam(required = false) Integer size) {
        PageRequestParams paging = PageRequestParams.of(page, size);
        DeadLetterStatus filter = parseStatus(status);
        String aggregate = parseAggregateId(aggregateId);
        List<DeadLetterResponse> items = store.list(filter, aggregate, paging.offset(), paging.size()).stream()
                .map(DeadLetterResponse::summary).toList();
        return new PageResponse<>(items, paging.page(), paging.size(), store.count(filter, aggregate));
    }

    @Operation(operationId = "getDeadLetter", summary = "Read a dead letter",
            description = "One dead letter with its error. Role: ADMIN.")
    @GetMapping("/{id}")
    public DeadLetterResponse get(@PathVariable String id) {
        return store.find(parseId(id)).map(DeadLetterResponse::detail)
                .orElseThrow(() -> RuleViolation.notFound("dead letter"));
    }

    /** Applies the dead letter again and then the events of its aggregate queued behind it. */
    @Operation(operationId = "retryDeadLetter", summary = "Retry a dead letter",
            description = "Applies the dead letter's event again. Role: ADMIN.")
    @ProblemCodes(status = 409, value = {"DEAD_LETTER_RESOLVED", "DEAD_LETTER_NOT_FIRST", "DEAD_LETTER_RETRY_FAILED"})
    @PostMapping("/{id}/retry")
    public RetryResponse retry(@PathVariable String id, Authentication authentication) {
        DeadLetters.RetryResult result = deadLetters.retry(parseId(id), Actor.from(authentication).subject());
        return new RetryResponse(DeadLetterResponse.summary(result.retried()), result.applied(), result.parked());
    }

    /** Closes a record that was never an event, without applying it; events cannot be discarded (409). */
    @Operation(operationId = "discardDeadLetter", summary = "Discard a dead letter",
            description = "Marks the dead letter resolved without applying it. Role: ADMIN.")
    @ProblemCodes(status = 409, value = {"DEAD_LETTER_RESOLVED", "DEAD_LETTER_IS_AN_EVENT"})
    @PostMapping("/{id}/discard")
    public DeadLetterResponse discard(@PathVariable String id, @RequestBody(required = false) DiscardRequest request,
                                      Authentication authentication) {
        long deadLetterId = parseId(id);
        String reason = request == null || request.reason() == null ? "" : request.reason().trim();
        if (reason.isEmpty() || reason.length() > MAX_REASON) {
            throw RuleViolation.invalidField("reason",
                    "is required: 1 to " + MAX_REASON + " characters saying why the record may go unapplied");
        }
        return DeadLetterResponse.summary(deadLetters.discard(deadLetterId, Actor.from(authentication).subject(),
                reason));
    }

    private static long parseId(String id) {
        if (id == null || !ID.matcher(id).matches()) {
            throw RuleViolation.invalidField("id", "must be a dead letter id (a positive number)");
        }
        return Long.parseLong(id);
    }

    private static String parseAggregateId(String aggregateId) {
        if (aggregateId == null || aggregateId.isBlank()) {
            return null;
        }
        if (aggregateId.length() > MAX_AGGREGATE_ID) {
            throw RuleViolation.invalidField("aggregateId",
                    "must be at most " + MAX_AGGREGATE_ID + " characters");
        }
        return aggregateId.trim();
    }

    private static DeadLetterStatus parseStatus(String status) {
        if (status == null || status.isBlank()) {
            return null;
        }
        try {
            return DeadLetterStatus.valueOf(status.trim());
        } catch (IllegalArgumentException e) {
            throw RuleViolation.invalidField("status", "must be one of " + Arrays
                    .stream(DeadLetterStatus.values()).map(Enum::name).collect(Collectors.joining(", ")));
        }
    }
}
