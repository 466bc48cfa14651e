package com.leadledger.kit.security;

import com.leadledger.kit.domain.Role;
import com.leadledger.kit.idempotency.IdempotencyFilter;
import com.leadledger.kit.limits.RateLimitFilter;
import com.leadledger.kit.problem.Problems;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.web.cors.CorsConfigurationSource;
import tools.jackson.databind.json.JsonMapper;

import java.util.Collection;
import java.util.List;

/** The HTTP security both services share: stateless JWT bearer auth, roles from the {@code roles} claim, problem+json. */
public final class JwtSecurity {

    /** Open to anyone: health answers anonymous callers with its status only (management.endpoint.health). */
    public static final String[] PUBLIC_PATHS = {"/actuator/health", "/actuator/health/**", "/error"};

    /** Metrics and build info tell who is active: operators and the metrics scraper only. */
    public static final String[] OPERATOR_PATHS = {"/actuator/prometheus", "/actuator/info"};

    /** The OpenAPI document and Swagger UI: public where {@code leadledger.api-docs.public}, else any signed-in caller. */
    public static final String[] API_DOCS_PATHS = {"/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html",
            "/swagger-ui/**"};

    /**
     * No endpoint allows cross-origin calls. Saying so here answers what Spring MVC's default source answered (no
     * handler has a CORS configuration) without its handler lookup (HandlerMappingIntrospector) on every request.
     * Cross-origin access, if ever wanted, is configured here.
     */
    static final CorsConfigurationSource NO_CROSS_ORIGIN_ACCESS = request -> null;

    private JwtSecurity() {
    }

    /**
     * Like {@link #base(HttpSecurity, JsonMapper)}, plus the rate limit and Idempotency-Key handling. The rate limit
     * runs once the caller is known and before authorization, so it also counts anonymous requests (per client
     * address); a request whose token is refused counts against its address too. Idempotency keys are handled after
     * authorization (refused requests consume no keys).
     */
    public static HttpSecurity base(HttpSecurity http, JsonMapper mapper, RateLimitFilter rateLimit,
                                    IdempotencyFilter idempotency) throws Exception {
        return base(http, mapper)
                .oauth2ResourceServer(o -> o.authenticationEntryPoint(
                        rateLimit.countingRefusedTokens(unauthenticated(mapper))))
                .addFilterBefore(rateLimit, AuthorizationFilter.class)
                .addFilterAfter(idempotency, AuthorizationFilter.class);
    }

    public static HttpSecurity base(HttpSecurity http, JsonMapper mapper) throws Exception {
        return http
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .httpBasic(b -> b.disable())
                .formLogin(f -> f.disable())
                .cors(cors -> cors.configurationSource(NO_CROSS_ORIGIN_ACCESS))
                .exceptionHandling(e -> e
                        .authenticationEntryPoint(unauthenticated(mapper))
                        .accessDeniedHandler((request, response, ex) -> Problems.write(response, mapper,
                                HttpStatus.FORBIDDEN, "FORBIDDEN", "Your role may not do this.")))
                .oauth2ResourceServer(o -> o
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(authenticationConverter()))
                        .authenticationEntryPoint(unauthenticated(mapper)));
    }

    /**
     * Who may reach what is not the API itself: health (anyone), metrics and info ({@code ADMIN} or
     * {@code METRICS}), the API docs (anyone where {@code apiDocsPublic}, else any authenticated caller).
     */
    public static AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry
            operationalEndpoints(
            AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry auth,
            ApiDocsProperties apiDocs) {
        auth.requestMatchers(PUBLIC_PATHS).permitAll()
                .requestMatchers(HttpMethod.GET, OPERATOR_PATHS).hasAnyRole(Role.ADMIN.name(), Role.METRICS.name());
        return apiDocs.publicAccess()
                ? auth.requestMatchers(HttpMethod.GET, API_DOCS_PATHS).permitAll()
                : auth.requestMatchers(HttpMethod.GET, API_DOCS_PATHS).authenticated();
    }

    public static JwtAuthenticationConverter authenticationConverter() {
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(JwtSecurity::authorities);
        return converter;
    }

    private static Collection<GrantedAuthority> authorities(Jwt jwt) {
        List<GrantedAuthority> authorities = Actor.rolesOf(jwt).stream()
                .map(role -> (GrantedAuthority) new SimpleGrantedAuthority(role.authority()))
                .toList();
        // A PARTNER token without partner_id cannot be attributed to a partner: it gets no partner authority.
        if (Actor.rolesOf(jwt).contains(Role.PARTNER) && jwt.getClaimAsString(Actor.PARTNER_ID_CLAIM) == null) {
            return authorities.stream().filter(a -> !a.getAuthority().equals(Role.PARTNER.authority())).toList();
        }
        return authorities;
    }

    private static AuthenticationEntryPoint unauthenticated(JsonMapper mapper) {
        return (request, response, ex) -> Problems.write(response, mapper, HttpStatus.UNAUTHORIZED,
                "UNAUTHENTICATED", "A valid bearer token is required.");
    }
}
