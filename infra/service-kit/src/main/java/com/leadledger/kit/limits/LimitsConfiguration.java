package com.leadledger.kit.limits;

import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;

/**
 * Limits on what a request may carry: body size (413), JSON nesting depth, string length and control characters
 * (400), and the per-caller
 * rate (429). All configurable under {@code leadledger.limits.*} and {@code leadledger.rate-limit.*}.
 */
@AutoConfiguration
public class LimitsConfiguration {

    @Bean
    Jackson2ObjectMapperBuilderCustomizer jsonReadLimits(
            @Value("${leadledger.limits.max-json-depth:32}") int maxDepth,
            @Value("${leadledger.limits.max-json-string-length:100000}") int maxStringLength) {
        return builder -> builder
                .deserializerByType(String.class, new SafeStringDeserializer())
                .postConfigurer(mapper -> mapper.getFactory().setStreamReadConstraints(
                        StreamReadConstraints.builder().maxNestingDepth(maxDepth).maxStringLength(maxStringLength)
                                .build()));
    }

    @Bean
    FilterRegistrationBean<RequestSizeFilter> requestSizeFilter(
            ObjectMapper mapper, @Value("${leadledger.limits.max-body-bytes:65536}") long maxBodyBytes) {
        FilterRegistrationBean<RequestSizeFilter> registration =
                new FilterRegistrationBean<>(new RequestSizeFilter(mapper, maxBodyBytes));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }

    @Bean
    RateLimitFilter rateLimitFilter(ObjectMapper mapper,
                                    @Value("${leadledger.rate-limit.per-second:50}") long perSecond,
                                    @Value("${leadledger.rate-limit.burst:100}") long burst) {
        return new RateLimitFilter(mapper, perSecond, burst);
    }

    /** Runs inside the security chain (it needs the caller), not as a plain servlet filter. */
    @Bean
    FilterRegistrationBean<RateLimitFilter> rateLimitFilterNotAsServletFilter(RateLimitFilter filter) {
        FilterRegistrationBean<RateLimitFilter> registration = new FilterRegistrationBean<>(filter);
        registration.setEnabled(false);
        return registration;
    }
}
