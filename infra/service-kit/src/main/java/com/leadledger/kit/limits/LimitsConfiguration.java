package com.leadledger.kit.limits;

import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;

/**
 * Limits on what a request may carry: body size (413), JSON nesting depth, string length, control characters and
 * scalars of the wrong type (400), and the rate per caller or, without a valid token, per client address (429):
 * {@link RequestLimitProperties}, {@link RateLimitProperties}.
 */
@AutoConfiguration
@EnableConfigurationProperties({RequestLimitProperties.class, RateLimitProperties.class})
public class LimitsConfiguration {

    @Bean
    Jackson2ObjectMapperBuilderCustomizer jsonReadLimits(RequestLimitProperties limits) {
        return builder -> builder
                .deserializerByType(String.class, new SafeStringDeserializer())
                .postConfigurer(mapper -> {
                    mapper.getFactory().setStreamReadConstraints(
                            StreamReadConstraints.builder().maxNestingDepth(limits.maxJsonDepth())
                                    .maxStringLength(limits.maxJsonStringLength())
                                    .build());
                    refuseScalarsAsText(mapper);
                });
    }

    /**
     * A number or boolean where the contract says string is a client error, not something to guess at: {@code
     * "taxId": 7707083893} may have lost its leading zero on the way. (The other way round stays: the contract writes
     * money amounts as strings, which become decimals.)
     */
    static void refuseScalarsAsText(ObjectMapper mapper) {
        mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
    }

    @Bean
    FilterRegistrationBean<RequestSizeFilter> requestSizeFilter(
            ObjectMapper mapper, RequestLimitProperties limits) {
        FilterRegistrationBean<RequestSizeFilter> registration =
                new FilterRegistrationBean<>(new RequestSizeFilter(mapper, limits.maxBodyBytes()));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }

    @Bean
    RateLimitFilter rateLimitFilter(ObjectMapper mapper, RateLimitProperties rate) {
        return new RateLimitFilter(mapper, rate);
    }

    /** Runs inside the security chain (it needs the caller, see {@code JwtSecurity}), not as a plain servlet filter. */
    @Bean
    FilterRegistrationBean<RateLimitFilter> rateLimitFilterNotAsServletFilter(RateLimitFilter filter) {
        FilterRegistrationBean<RateLimitFilter> registration = new FilterRegistrationBean<>(filter);
        registration.setEnabled(false);
        return registration;
    }
}
