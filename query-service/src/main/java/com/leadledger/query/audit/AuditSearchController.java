package com.leadledger.query.audit;

import com.leadledger.kit.domain.RuleViolation;
import com.leadledger.kit.web.PageRequestParams;
import com.leadledger.kit.web.PageResponse;
import com.leadledger.query.registration.RegistrationView;
import com.leadledger.query.registration.RegistrationViewRepository;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;

/**
 * Auditors find what to look at: registrations by customer tax id (INN), domain, part of the legal name, or by a
 * registration, opportunity or partner id (AUDITOR only, see SecurityConfig).
 */
@RestController
@RequestMapping("/api/v1/audit/search")
@Tag(name = "audit")
class AuditSearchController {

    private static final int LONGEST_QUERY = 200;

    private final RegistrationViewRepository registrations;

    AuditSearchController(RegistrationViewRepository registrations) {
        this.registrations = registrations;
    }

    /** One registration found, with what tells it apart. */
    record Hit(String registrationId, String opportunityId, String partnerId, String legalName, String taxId,
               String domain, String productLine, String status, Instant acceptedAt) {

        static Hit of(RegistrationView view) {
            return new Hit(view.registrationId(), view.opportunityId(), view.partnerId(),
                    view.customer().legalName(), view.customer().taxId(), view.customer().domain(),
                    view.productLine(), view.status().name(), view.acceptedAt());
        }
    }

    @Operation(operationId = "auditSearch", summary = "Search registrations",
            description = "Registrations whose customer INN (with or without RU:), domain or a part of the company "
                    + "name matches q, or whose registration, opportunity or partner id is q; each with its "
                    + "opportunity, to open its history. Paged. Role: AUDITOR.")
    @GetMapping
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public PageResponse<Hit> search(@RequestParam(required = false) String q,
                                    @RequestParam(required = false) Integer page,
                                    @RequestParam(required = false) Integer size) {
        String text = q == null ? "" : q.strip();
        if (text.isEmpty() || text.length() > LONGEST_QUERY) {
            throw RuleViolation.invalidField("q", "must be 1 to " + LONGEST_QUERY + " characters: an INN, a domain, "
                    + "part of a company name, or a registration, opportunity or partner id");
        }
        PageRequestParams paging = PageRequestParams.of(page, size);
        return new PageResponse<>(registrations.search(text, paging.offset(), paging.size()).stream()
                .map(Hit::of).toList(), paging.page(), paging.size(), registrations.countSearch(text));
    }
}
