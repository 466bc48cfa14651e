package com.leadledger.query.partner;

import com.leadledger.kit.domain.RuleViolation;
import com.leadledger.kit.security.Actor;
import com.leadledger.kit.web.PageRequestParams;
import com.leadledger.kit.web.PageResponse;
import com.leadledger.query.dispute.DisputeView;
import com.leadledger.query.dispute.DisputeViewRepository;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.core.Authentication;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Partners of the channel program: vendor staff, auditors and admins read them all (see SecurityConfig); a partner reads
 * its own record, and another partner's is not found, exactly like one that does not exist.
 */
@Tag(name = "partners")
@RestController
@RequestMapping("/api/v1/partners")
class PartnerController {

    /** The most disputes a partner record lists; the rest are in the dispute queue. */
    private static final int DISPUTE_HISTORY_LIMIT = 200;

    private final PartnerViewRepository partners;
    private final DisputeViewRepository disputes;

    PartnerController(PartnerViewRepository partners, DisputeViewRepository disputes) {
        this.partners = partners;
        this.disputes = disputes;
    }

    /** By name, optionally of one status. */
    @Operation(operationId = "listPartners", summary = "List partners",
            description = "Partner views with tier, status and penalty points, paged. Role: staff, AUDITOR.")
    @GetMapping
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public PageResponse<PartnerResponse> list(@RequestParam(required = false) String status,
                                              @RequestParam(required = false) Integer page,
                                              @RequestParam(required = false) Integer size) {
        PageRequestParams paging = PageRequestParams.of(page, size);
        PartnerView.Status filter = parseStatus(status);
        List<PartnerResponse> items = partners.list(filter, paging.offset(), paging.size()).stream()
                .map(PartnerResponse::of).toList();
        return new PageResponse<>(items, paging.page(), paging.size(), partners.count(filter));
    }

    @Operation(operationId = "getPartner", summary = "Read a partner",
            description = "One partner view with tier, product lines, penalty points and the disputes it was a party "
                    + "of. Role: staff, AUDITOR; a partner its own (another partner's is 404).")
    @GetMapping("/{partnerId}")
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public PartnerResponse get(@PathVariable String partnerId, Authentication authentication) {
        Actor actor = Actor.from(authentication);
        if (actor.isPartnerOnly() && !partnerId.equals(actor.partnerId())) {
            throw RuleViolation.notFound("partner");
        }
        PartnerView partner = partners.find(partnerId).orElseThrow(() -> RuleViolation.notFound("partner"));
        return PartnerResponse.of(partner, disputes.ofParty(partnerId, null, 0, DISPUTE_HISTORY_LIMIT).stream()
                .sorted(java.util.Comparator.comparing(DisputeView::openedAt).reversed()).toList());
    }

    private static PartnerView.Status parseStatus(String status) {
        if (status == null || status.isBlank()) {
            return null;
        }
        try {
            return PartnerView.Status.valueOf(status.trim());
        } catch (IllegalArgumentException e) {
            throw RuleViolation.invalidField("status", "must be one of " + Arrays
                    .stream(PartnerView.Status.values()).map(Enum::name).collect(Collectors.joining(", ")));
        }
    }
}
