package com.leadledger.command.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.leadledger.kit.idempotency.IdempotencyFilter;
import com.leadledger.kit.security.JwtSecurity;
import com.leadledger.kit.security.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Who may call which command endpoint. Ownership (a partner's own registration) is checked by the handlers, which
 * answer 404 for another partner's object exactly as for a missing one.
 */
@Configuration
class SecurityConfig {

    private static final String PARTNER = Role.PARTNER.name();
    private static final String ADMIN = Role.ADMIN.name();
    private static final String[] STAFF = Role.names(Role.STAFF);

    @Bean
    SecurityFilterChain commandSecurity(HttpSecurity http, ObjectMapper mapper, IdempotencyFilter idempotency)
            throws Exception {
        return JwtSecurity.base(http, mapper, idempotency)
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(JwtSecurity.PUBLIC_PATHS).permitAll()
                        .requestMatchers(HttpMethod.GET, "/api/v1/audit/keys", "/api/v1/audit/keys/*").permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/v1/registrations").hasRole(PARTNER)
                        .requestMatchers(HttpMethod.POST, "/api/v1/registrations/*/withdraw",
                                "/api/v1/registrations/*/outcome",
                                "/api/v1/registrations/*/extension-requests").hasRole(PARTNER)
                        .requestMatchers(HttpMethod.POST, "/api/v1/registrations/*/approve",
                                "/api/v1/registrations/*/reject",
                                "/api/v1/registrations/*/extension-requests/*/grant",
                                "/api/v1/registrations/*/extension-requests/*/refuse").hasAnyRole(STAFF)
                        .requestMatchers(HttpMethod.POST, "/api/v1/opportunities/*/support").hasAnyRole(STAFF)
                        .requestMatchers(HttpMethod.POST, "/api/v1/partners", "/api/v1/partners/**").hasRole(ADMIN)
                        .requestMatchers(HttpMethod.POST, "/api/v1/policies").hasRole(ADMIN)
                        .requestMatchers(HttpMethod.GET, "/api/v1/policies/current", "/api/v1/policies/*")
                        .authenticated()
                        .anyRequest().denyAll())
                .build();
    }
}
