package com.leadledger.command.config;

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

/**
 * Who may call which command endpoint. Ownership (a partner's own registration, the disputes it is a party to) is
 * checked by the handlers, which answer 404 for another partner's object exactly as for a missing one; the decider
 * level of a dispute ruling is checked by the Dispute aggregate (403).
 */
@Configuration
class SecurityConfig {

    private static final String PARTNER = Role.PARTNER.name();
    private static final String ADMIN = Role.ADMIN.name();
    private static final String[] STAFF = Role.names(Role.STAFF);
    private static final String[] PARTNER_OR_STAFF = Role.names(EnumSet.of(Role.PARTNER, Role.CHANNEL_MANAGER,
            Role.CHANNEL_DIRECTOR, Role.ARBITRATION_COMMITTEE));

    @Bean
    SecurityFilterChain commandSecurity(HttpSecurity http, JsonMapper mapper, RateLimitFilter rateLimit,
                                        IdempotencyFilter idempotency, ApiDocsProperties apiDocs) throws Exception {
        return JwtSecurity.base(http, mapper, rateLimit, idempotency)
                .authorizeHttpRequests(auth -> JwtSecurity.operationalEndpoints(auth, apiDocs)
                        .requestMatchers(HttpMethod.GET, "/api/v1/audit/keys", "/api/v1/audit/keys/*").permitAll()
                        .requestMatchers(HttpMethod.GET, "/api/v1/audit/checkpoints", "/api/v1/audit/heads",
                                "/api/v1/audit/heads/after",
                                "/api/v1/audit/checkpoints/*/proof", "/api/v1/audit/checkpoints/consistency")
                        .hasRole(Role.AUDITOR.name())
                        // a partner's own sealed receipt (ownership checked by the controller: another's is 404)
                        .requestMatchers(HttpMethod.GET, "/api/v1/registrations/*/receipt/sealed")
                        .hasAnyRole(PARTNER, Role.AUDITOR.name())
                        .requestMatchers(HttpMethod.POST, "/api/v1/registrations",
                                "/api/v1/registrations/imports").hasRole(PARTNER)
                        .requestMatchers(HttpMethod.GET, "/api/v1/registrations/imports/*").hasRole(PARTNER)
                        .requestMatchers(HttpMethod.POST, "/api/v1/registrations/*/withdraw",
                                "/api/v1/registrations/*/outcome",
                                "/api/v1/registrations/*/extension-requests").hasRole(PARTNER)
                        .requestMatchers(HttpMethod.POST, "/api/v1/registrations/*/approve",
                                "/api/v1/registrations/*/reject",
                                "/api/v1/registrations/*/extension-requests/*/grant",
                                "/api/v1/registrations/*/extension-requests/*/refuse").hasAnyRole(STAFF)
                        .requestMatchers(HttpMethod.POST, "/api/v1/opportunities/*/support",
                                "/api/v1/opportunities/*/support/evidence").hasAnyRole(STAFF)
                        .requestMatchers(HttpMethod.POST, "/api/v1/disputes", "/api/v1/disputes/*/evidence",
                                "/api/v1/disputes/*/escalate").hasAnyRole(PARTNER_OR_STAFF)
                        .requestMatchers(HttpMethod.POST, "/api/v1/disputes/*/respondent",
                                "/api/v1/disputes/*/assign", "/api/v1/disputes/*/ruling").hasAnyRole(STAFF)
                        .requestMatchers(HttpMethod.POST, "/api/v1/disputes/*/appeal").hasRole(PARTNER)
                        .requestMatchers(HttpMethod.POST, "/api/v1/dumping-flags/*/dispute",
                                "/api/v1/dumping-flags/*/dismissal").hasAnyRole(STAFF)
                        // a partner's own webhook (ownership checked by the controller: another partner's is 404)
                        .requestMatchers("/api/v1/partners/*/webhook", "/api/v1/partners/*/webhook/**")
                        .hasAnyRole(PARTNER, ADMIN)
                        // a partner's own points (ownership checked by the controller: another partner's is 404)
                        .requestMatchers(HttpMethod.POST, "/api/v1/partners/*/points/redemptions").hasRole(PARTNER)
                        .requestMatchers(HttpMethod.POST, "/api/v1/partners", "/api/v1/partners/**").hasRole(ADMIN)
                        .requestMatchers(HttpMethod.PUT, "/api/v1/partners/*/contacts").hasAnyRole(ADMIN, PARTNER)
                        .requestMatchers(HttpMethod.POST, "/api/v1/policies").hasRole(ADMIN)
                        .requestMatchers(HttpMethod.POST, "/api/v1/program/qualification-runs").hasRole(ADMIN)
                        .requestMatchers(HttpMethod.POST, "/api/v1/program/rebate-periods/*/close").hasRole(ADMIN)
                        .requestMatchers(HttpMethod.GET, "/api/v1/policies/current", "/api/v1/policies/*")
                        .authenticated()
                        .anyRequest().denyAll())
                .build();
    }
}
