package com.leadledger.testsupport;

import java.util.List;
import java.util.Set;

/**
 * Who may use what in the public API (docs/security.md): the roles, the groups of them the endpoints admit, and what
 * a caller gets. One table for every authorization matrix test: the query API's and the console's, which must answer
 * exactly as the API does.
 */
public final class ApiAccess {

    public static final String PARTNER = "PARTNER";
    public static final List<String> ROLES = List.of(PARTNER, "CHANNEL_MANAGER", "CHANNEL_DIRECTOR",
            "ARBITRATION_COMMITTEE", "AUDITOR", "ADMIN");
    /** The vendor's people: everyone but partners. */
    public static final Set<String> VENDOR = Set.of("CHANNEL_MANAGER", "CHANNEL_DIRECTOR", "ARBITRATION_COMMITTEE",
            "AUDITOR", "ADMIN");
    /** Who works the review queue and decides registrations. */
    public static final Set<String> REVIEWERS = Set.of("CHANNEL_MANAGER", "CHANNEL_DIRECTOR", "ARBITRATION_COMMITTEE");
    public static final Set<String> EVERYONE = Set.copyOf(ROLES);
    public static final Set<String> AUDITOR = Set.of("AUDITOR");
    public static final Set<String> ADMIN = Set.of("ADMIN");

    /** {@code GET /api/v1/registrations} and {@code /{id}}: partners their own, the vendor all. */
    public static final Set<String> REGISTRATIONS = EVERYONE;
    /** {@code GET /api/v1/notices}. */
    public static final Set<String> NOTICES = Set.of(PARTNER);
    /** {@code GET /api/v1/review-queue}. */
    public static final Set<String> REVIEW_QUEUE = REVIEWERS;
    /** {@code POST /api/v1/registrations/{id}/approve} and {@code /reject}. */
    public static final Set<String> DECIDE_REGISTRATIONS = REVIEWERS;
    /** {@code POST /api/v1/registrations/{id}/extension-requests}: the owning partner (another partner gets 404). */
    public static final Set<String> REQUEST_EXTENSIONS = Set.of(PARTNER);
    /** {@code GET /api/v1/opportunities/{id}}. */
    public static final Set<String> OPPORTUNITIES = VENDOR;
    /** {@code POST /api/v1/opportunities/{id}/support} and {@code /support/evidence}. */
    public static final Set<String> DECIDE_SUPPORT = REVIEWERS;
    /** {@code GET /api/v1/partners}. */
    public static final Set<String> PARTNERS = VENDOR;
    /** {@code GET /api/v1/partners/{id}}: partners their own, the vendor all. */
    public static final Set<String> PARTNER_RECORD = EVERYONE;
    /** {@code POST /api/v1/partners}, {@code /{id}/tier}, {@code /product-lines}, {@code /suspend}, {@code /reinstate}. */
    public static final Set<String> MANAGE_PARTNERS = ADMIN;
    /** {@code GET /api/v1/policies/current} and {@code /{version}}. */
    public static final Set<String> POLICIES = EVERYONE;
    /** {@code GET /api/v1/audit/opportunities/{id}/evidence-pack}. */
    public static final Set<String> EVIDENCE_PACK = Set.of("AUDITOR", "ARBITRATION_COMMITTEE");
    /** {@code GET /api/v1/dumping-flags} and {@code /{flagId}}: the possible-dumping queue, never partners. */
    public static final Set<String> DUMPING_FLAGS = Set.of("CHANNEL_MANAGER", "CHANNEL_DIRECTOR",
            "ARBITRATION_COMMITTEE", "AUDITOR");
    /** {@code GET /api/v1/reports/conflicts}, {@code /decisions}, {@code /disputes}, {@code /support}, {@code /partners}. */
    public static final Set<String> REPORTS = VENDOR;
    /** {@code /api/v1/admin/dead-letters/**} and {@code /api/v1/admin/projections/rebuild/**}. */
    public static final Set<String> OPERATIONS = ADMIN;

    private ApiAccess() {
    }

    /**
     * The status a role gets for a request that would succeed for the right caller: {@code 200} when the role is
     * {@code allowed}; for a partner past the role check (another partner's object, a dispute it is no party of)
     * {@code 404}; otherwise {@code 403}.
     */
    public static int status(String role, Set<String> allowed, boolean partnerPastRoleCheck) {
        if (allowed.contains(role)) {
            return 200;
        }
        return role.equals(PARTNER) && partnerPastRoleCheck ? 404 : 403;
    }
}
