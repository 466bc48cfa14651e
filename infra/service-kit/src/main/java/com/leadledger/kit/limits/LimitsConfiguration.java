package com.leadledger.kit.limits;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jackson.autoconfigure.JsonFactoryBuilderCustomizer;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.cfg.MutableCoercionConfig;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.type.LogicalType;

/**
 * Limits on what a request may carry: body size (413), JSON nesting depth, string length, control characters and
 * scalars of the wrong type (400), and the rate per caller or, without a valid token, per client address (429):
 * {@link RequestLimitProperties}, {@link RateLimitProperties}. The JSON limits are set on Spring Boot's
 * {@link JsonMapper} (Jackson 3), which reads every request body.
 */
@AutoConfiguration
@EnableConfigurationProperties({RequestLimitProperties.class, RateLimitProperties.class})
public class LimitsConfiguration {

    @Bean
    JsonFactoryBuilderCustomizer jsonReadLimits(RequestLimitProperties limits) {
        return factory -> factory.streamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(limits.maxJsonDepth())
                .maxStringLength(limits.maxJsonStringLength())
                .build());
    }

    @Bean
    JsonMapperBuilderCustomizer strictStrings() {
        return mapper -> mapper.addModule(new SimpleModule("leadledger-safe-strings")
                        .addDeserializer(String.class, new SafeStringDeserializer()))
                .withCoercionConfig(LogicalType.Textual, LimitsConfiguration::refuseScalarsAsText);
    }

    /**
     * A number or boolean where the contract says string is a client error, not something to guess at: {@code
     * "taxId": 7707083893} may have lost its leading zero on the way. (The other way round stays: the contract writes
     * money amounts as strings, which become decimals.)
     */
    static void refuseScalarsAsText(MutableCoercionConfig textual) {
        textual.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
    }

    @Bean
    FilterRegistrationBean<RequestSizeFilter> requestSizeFilter(
            JsonMapper mapper, RequestLimitProperties limits) {
        FilterRegistrationBean<RequestSizeFilter> registration = new FilterRegistrationBean<>(
                new RequestSizeFilter(mapper, limits.maxBodyBytes(), limits.maxCsvBodyBytes()));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }

    /** A test may bring its own filter (buckets on a clock it moves). */
    @Bean
    @ConditionalOnMissingBean
    RateLimitFilter rateLimitFilter(JsonMapper mapper, RateLimitProperties rate) {
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
