package com.leadledger.query.partner;

import com.leadledger.kit.problem.ApiException;
import com.leadledger.kit.web.PageRequestParams;
import com.leadledger.kit.web.PageResponse;
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

/** Partners of the channel program: vendor staff, auditors and admins only (see SecurityConfig), never partners. */
@RestController
@RequestMapping("/api/v1/partners")
class PartnerController {

    private final PartnerViewRepository partners;

    PartnerController(PartnerViewRepository partners) {
        this.partners = partners;
    }

    /** By name, optionally of one status. */
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

    @GetMapping("/{partnerId}")
    @Transactional(readOnly = true)
    public PartnerResponse get(@PathVariable String partnerId) {
        return partners.find(partnerId).map(PartnerResponse::of)
                .orElseThrow(() -> ApiException.notFound("partner"));
    }

    private static PartnerView.Status parseStatus(String status) {
        if (status == null || status.isBlank()) {
            return null;
        }
        try {
            return PartnerView.Status.valueOf(status.trim());
        } catch (IllegalArgumentException e) {
            throw ApiException.badField("VALIDATION_FAILED", "status", "must be one of " + Arrays
                    .stream(PartnerView.Status.values()).map(Enum::name).collect(Collectors.joining(", ")));
        }
    }
}
