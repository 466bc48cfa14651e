package com.leadledger.query.registration;

import com.leadledger.events.registration.RegistrationStatus;
import com.leadledger.kit.domain.RuleViolation;
import com.leadledger.kit.security.Actor;
import com.leadledger.kit.web.PageRequestParams;
import com.leadledger.kit.web.PageResponse;
import com.leadledger.query.notice.NoticeRepository;
import com.leadledger.query.notice.NoticeResponse;
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

@Tag(name = "registrations")
@RestController
@RequestMapping("/api/v1/registrations")
class RegistrationController {

    private final RegistrationViewRepository registrations;
    private final NoticeRepository notices;

    RegistrationController(RegistrationViewRepository registrations, NoticeRepository notices) {
        this.registrations = registrations;
        this.notices = notices;
    }

    /**
     * Registrations, newest first unless {@code sort=oldest}. Partners get their own only ({@code partnerId} is ignored for them); staff,
     * auditors and admins get all, optionally filtered ({@code pendingExtension=true}: the extension requests that
     * await a decision).
     */
    @Operation(operationId = "listRegistrations", summary = "List registrations",
            description = "Registration views, paged, filtered by status, partnerId and productLine, newest first "
                    + "(sort=newest, the default) or oldest first (sort=oldest); a partner sees its own only, staff "
                    + "and auditors all.")
    @GetMapping
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public PageResponse<RegistrationResponse> list(@RequestParam(required = false) String status,
                                            @RequestParam(required = false) String partnerId,
                                            @RequestParam(required = false) String productLine,
                                            @RequestParam(required = false) Boolean pendingExtension,
                                            @RequestParam(required = false) String sort,
                                            @RequestParam(required = false) Integer page,
                                            @RequestParam(required = false) Integer size,
                                            Authentication authentication) {
        RegistrationAccess access = RegistrationAccess.of(Actor.from(authentication));
        PageRequestParams paging = PageRequestParams.of(page, size);
        RegistrationOrder order = RegistrationOrder.of(sort);
        RegistrationFilter filter = access.restrict(
                new RegistrationFilter(blankToNull(partnerId), parseStatus(status), blankToNull(productLine),
                        pendingExtension));
        List<RegistrationResponse> items = registrations.list(filter, order, paging.offset(), paging.size()).stream()
                .map(access::render)
                .toList();
        return new PageResponse<>(items, paging.page(), paging.size(), registrations.count(filter));
    }

    /**
     * One registration with the notices its owner received about it (newest first). For a partner, another partner's
     * registration is "not found", exactly like a missing one.
     */
    @Operation(operationId = "getRegistration", summary = "Read a registration",
            description = "One registration view with status, protection, discount, supported flag and, for the "
                    + "owner, its notices. Another partner's registration is not found.")
    @GetMapping("/{registrationId}")
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public RegistrationResponse get(@PathVariable String registrationId, Authentication authentication) {
        RegistrationAccess access = RegistrationAccess.of(Actor.from(authentication));
        RegistrationView view = registrations.find(registrationId, access.partnerScope())
                .orElseThrow(() -> RuleViolation.notFound("registration"));
        return access.render(view, notices.ofRegistration(view.partnerId(), view.registrationId()).stream()
                .map(NoticeResponse::of).toList());
    }

    private static RegistrationStatus parseStatus(String status) {
        if (status == null || status.isBlank()) {
            return null;
        }
        try {
            return RegistrationStatus.valueOf(status.trim());
        } catch (IllegalArgumentException e) {
            throw RuleViolation.invalidField("status", "must be one of " + Arrays
                    .stream(RegistrationStatus.values()).map(Enum::name).collect(Collectors.joining(", ")));
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
