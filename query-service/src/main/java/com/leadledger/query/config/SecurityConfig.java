package com.leadledger.query.config;

import com.leadledger.kit.domain.Role;
import com.leadledger.kit.idempotency.IdempotencyFilter;
import com.leadledger.kit.limits.RateLimitFilter;
import com.leadledger.kit.security.ApiDocsProperties;
import com.leadledger.kit.security.JwtSecurity;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import tools.jackson.databind.json.JsonMapper;

import java.util.EnumSet;
import java.util.Set;

/**
 * Which roles may call which read endpoint. What a caller may see inside an allowed endpoint (a partner only its own
 * registrations, its own notices) is decided per endpoint family in its access class or controller and applied in
 * the repository's SQL.
 * Anything not listed here is refused. Requests go through the rate limit (reads and writes per caller, anonymous
 * requests per client address) and POSTs (operator actions) through Idempotency-Key handling, as on the command side.
 */
@Configuration
class SecurityConfig {

    /** May read registration views: partners (their own) and everyone on the vendor side. */
    static final Set<Role> REGISTRATION_READERS = EnumSet.of(Role.PARTNER, Role.CHANNEL_MANAGER,
            Role.CHANNEL_DIRECTOR, Role.ARBITRATION_COMMITTEE, Role.AUDITOR, Role.ADMIN);

    /** May read opportunities with their full ranking: vendor staff, auditors and operators, never partners. */
    static final Set<Role> OPPORTUNITY_READERS = EnumSet.of(Role.CHANNEL_MANAGER, Role.CHANNEL_DIRECTOR,
            Role.ARBITRATION_COMMITTEE, Role.AUDITOR, Role.ADMIN);

    /** May work the review queue: the vendor's reviewers (channel managers, directors, the arbitration committee). */
    static final Set<Role> REVIEWERS = EnumSet.of(Role.CHANNEL_MANAGER, Role.CHANNEL_DIRECTOR,
            Role.ARBITRATION_COMMITTEE);

    /** May list partner views (with penalty points): vendor staff, auditors and operators, never partners. */
    static final Set<Role> PARTNER_READERS = EnumSet.of(Role.CHANNEL_MANAGER, Role.CHANNEL_DIRECTOR,
            Role.ARBITRATION_COMMITTEE, Role.AUDITOR, Role.ADMIN);

    /** May read one partner view: the vendor side any, a partner its own (another partner's is not found). */
    static final Set<Role> PARTNER_RECORD_READERS = EnumSet.of(Role.PARTNER, Role.CHANNEL_MANAGER,
            Role.CHANNEL_DIRECTOR, Role.ARBITRATION_COMMITTEE, Role.AUDITOR, Role.ADMIN);

    /** May read a partner's scorecard: the vendor side any, a partner its own (another partner's is not found). */
    static final Set<Role> SCORECARD_READERS = PARTNER_RECORD_READERS;

    /** May read disputes: partners (those they are a party of, anonymized) and everyone on the vendor side. */
    static final Set<Role> DISPUTE_READERS = EnumSet.of(Role.PARTNER, Role.CHANNEL_MANAGER, Role.CHANNEL_DIRECTOR,
            Role.ARBITRATION_COMMITTEE, Role.AUDITOR, Role.ADMIN);

    /** May download an opportunity's evidence pack: auditors and the arbitration committee. */
    static final Set<Role> EVIDENCE_PACK_READERS = EnumSet.of(Role.AUDITOR, Role.ARBITRATION_COMMITTEE);
    /** May read the possible-dumping queue: channel staff, arbitration staff and auditors; never partners. */
    static final Set<Role> DUMPING_FLAG_READERS = EnumSet.of(Role.CHANNEL_MANAGER, Role.CHANNEL_DIRECTOR,
            Role.ARBITRATION_COMMITTEE, Role.AUDITOR);
    /** May read the fairness reports: vendor staff, auditors and operators, never partners. */
    static final Set<Role> REPORT_READERS = EnumSet.of(Role.CHANNEL_MANAGER, Role.CHANNEL_DIRECTOR,
            Role.ARBITRATION_COMMITTEE, Role.AUDITOR, Role.ADMIN);

    @Bean
    SecurityFilterChain querySecurity(HttpSecurity http, JsonMapper mapper, RateLimitFilter rateLimit,
                                      IdempotencyFilter idempotency, ApiDocsProperties apiDocs) throws Exception {
        return JwtSecurity.base(http, mapper, rateLimit, idempotency)
                .authorizeHttpRequests(auth -> JwtSecurity.operationalEndpoints(auth, apiDocs)
                        .requestMatchers(HttpMethod.GET, "/api/v1/registrations", "/api/v1/registrations/*")
                        .hasAnyRole(Role.names(REGISTRATION_READERS))
                        .requestMatchers(HttpMethod.GET, "/api/v1/notices")
                        .hasRole(Role.PARTNER.name())
                        .requestMatchers(HttpMethod.GET, "/api/v1/review-queue")
                        .hasAnyRole(Role.names(REVIEWERS))
                        .requestMatchers(HttpMethod.GET, "/api/v1/opportunities/*")
                        .hasAnyRole(Role.names(OPPORTUNITY_READERS))
                        .requestMatchers(HttpMethod.GET, "/api/v1/disputes", "/api/v1/disputes/*")
                        .hasAnyRole(Role.names(DISPUTE_READERS))
                        .requestMatchers(HttpMethod.GET, "/api/v1/dumping-flags", "/api/v1/dumping-flags/*")
                        .hasAnyRole(Role.names(DUMPING_FLAG_READERS))
                        .requestMatchers(HttpMethod.GET, "/api/v1/reports/*")
                        .hasAnyRole(Role.names(REPORT_READERS))
                        .requestMatchers(HttpMethod.GET, "/api/v1/partners")
                        .hasAnyRole(Role.names(PARTNER_READERS))
                        .requestMatchers(HttpMethod.GET, "/api/v1/partners/*")
                        .hasAnyRole(Role.names(PARTNER_RECORD_READERS))
                        .requestMatchers(HttpMethod.GET, "/api/v1/partners/*/rebates")
                        .hasAnyRole(Role.names(PARTNER_RECORD_READERS))
                        .requestMatchers(HttpMethod.GET, "/api/v1/partners/*/scorecard")
                        .hasAnyRole(Role.names(SCORECARD_READERS))
                        .requestMatchers(HttpMethod.GET, "/api/v1/audit/events", "/api/v1/audit/verify",
                                "/api/v1/audit/opportunities/*", "/api/v1/audit/opportunities/*/decisions",
                                "/api/v1/audit/registrations/*", "/api/v1/audit/disputes/*",
                                "/api/v1/audit/partners/*/timeline", "/api/v1/audit/verify/jobs/*",
                                "/api/v1/audit/reconciliation", "/api/v1/audit/search")
                        .hasRole(Role.AUDITOR.name())
                        .requestMatchers(HttpMethod.GET, "/api/v1/audit/opportunities/*/evidence-pack")
                        .hasAnyRole(Role.names(EVIDENCE_PACK_READERS))
                        .requestMatchers(HttpMethod.POST, "/api/v1/admin/projections/rebuild")
                        .hasRole(Role.ADMIN.name())
                        .requestMatchers(HttpMethod.GET, "/api/v1/admin/projections/rebuild",
                                "/api/v1/admin/projections/rebuild/*")
                        .hasRole(Role.ADMIN.name())
                        .requestMatchers(HttpMethod.GET, "/api/v1/admin/dead-letters", "/api/v1/admin/dead-letters/*")
                        .hasRole(Role.ADMIN.name())
                        .requestMatchers(HttpMethod.POST, "/api/v1/admin/dead-letters/*/retry",
                                "/api/v1/admin/dead-letters/*/discard")
                        .hasRole(Role.ADMIN.name())
                        .anyRequest().denyAll())
                .build();
    }
}
