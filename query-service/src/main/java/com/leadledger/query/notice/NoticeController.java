package com.leadledger.query.notice;

import com.leadledger.kit.domain.RuleViolation;
import com.leadledger.kit.security.Actor;
import com.leadledger.kit.web.PageRequestParams;
import com.leadledger.kit.web.PageResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.core.Authentication;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** A partner's own notices (PARTNER only, see SecurityConfig); the partner comes from the verified token. */
@Tag(name = "notices")
@RestController
@RequestMapping("/api/v1/notices")
class NoticeController {

    private final NoticeRepository notices;

    NoticeController(NoticeRepository notices) {
        this.notices = notices;
    }

    /** Newest first. */
    @Operation(operationId = "listNotices", summary = "List my notices",
            description = "The partner's notices (approvals, support changes, rulings…), newest first, paged. Role: "
                    + "PARTNER.")
    @GetMapping
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public PageResponse<NoticeResponse> list(@RequestParam(required = false) Integer page,
                                             @RequestParam(required = false) Integer size,
                                             Authentication authentication) {
        String partnerId = Actor.from(authentication).partnerId();
        if (partnerId == null || partnerId.isBlank()) {
            throw new RuleViolation(RuleViolation.Kind.FORBIDDEN, "FORBIDDEN", "Your role may not do this.");
        }
        PageRequestParams paging = PageRequestParams.of(page, size);
        List<NoticeResponse> items = notices.ofPartner(partnerId, paging.offset(), paging.size()).stream()
                .map(NoticeResponse::of).toList();
        return new PageResponse<>(items, paging.page(), paging.size(), notices.countOfPartner(partnerId));
    }
}
