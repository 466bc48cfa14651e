package com.leadledger.query.audit;

import com.leadledger.kit.problem.ApiException;
import com.leadledger.kit.web.PageRequestParams;
import com.leadledger.kit.web.PageResponse;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The ordered history of an aggregate, for auditors only (see SecurityConfig). */
@RestController
@RequestMapping("/api/v1/audit")
class AuditController {

    private final AuditEventRepository events;
    private final CopyVerifier verifier;

    AuditController(AuditEventRepository events, CopyVerifier verifier) {
        this.events = events;
        this.verifier = verifier;
    }

    /**
     * Re-verifies the hash chains of this service's copy of the history. {@code scope}: {@code all} (default),
     * {@code stream:<aggregateId>} or {@code opportunity:<opportunityId>}.
     */
    @GetMapping("/verify")
    public CopyVerifier.Result verify(@RequestParam(required = false, defaultValue = "all") String scope) {
        String s = scope.trim();
        if (s.equals("all")) {
            return verifier.verify(s, null);
        }
        for (String prefix : new String[]{"stream:", "opportunity:"}) {
            if (s.startsWith(prefix) && s.length() > prefix.length() && s.length() <= prefix.length() + 255) {
                return verifier.verify(s, s.substring(prefix.length()));
            }
        }
        throw ApiException.badField("VALIDATION_FAILED", "scope",
                "must be all, stream:<aggregateId> or opportunity:<opportunityId>");
    }

    @GetMapping("/events")
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public PageResponse<AuditEvent> events(@RequestParam(required = false) String aggregateId,
                                           @RequestParam(required = false) Integer page,
                                           @RequestParam(required = false) Integer size) {
        if (aggregateId == null || aggregateId.isBlank()) {
            throw ApiException.badField("VALIDATION_FAILED", "aggregateId", "is required");
        }
        PageRequestParams paging = PageRequestParams.of(page, size);
        String id = aggregateId.trim();
        return new PageResponse<>(events.byAggregate(id, paging.offset(), paging.size()), paging.page(),
                paging.size(), events.countByAggregate(id));
    }
}
