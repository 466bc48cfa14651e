package com.leadledger.command.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.leadledger.kit.security.JwtSecurity;
import com.leadledger.kit.security.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/** Who may call which command endpoint. Ownership (a partner's own registration) is checked in the handlers. */
@Configuration
class SecurityConfig {

    @Bean
    SecurityFilterChain commandSecurity(HttpSecurity http, ObjectMapper mapper) throws Exception {
        return JwtSecurity.base(http, mapper)
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(JwtSecurity.PUBLIC_PATHS).permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/v1/registrations").hasRole(Role.PARTNER.name())
                        .requestMatchers(HttpMethod.POST, "/api/v1/registrations/*/withdraw")
                        .hasRole(Role.PARTNER.name())
                        .requestMatchers(HttpMethod.GET, "/api/v1/policies/**").authenticated()
                        .anyRequest().authenticated())
                .build();
    }
}
