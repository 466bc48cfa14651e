package com.leadledger.kit.web;

import com.leadledger.kit.problem.ProblemAdvice;
import org.apache.catalina.core.StandardHost;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.security.config.observation.SecurityObservationSettings;

/** Registers the shared edge pieces in both services. */
@AutoConfiguration
@Import(ProblemAdvice.class)
public class ServiceKitConfiguration {

    /** Requests Tomcat refuses itself (malformed URLs and the like) are answered with problem+json too. */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemErrorPages() {
        return factory -> factory.addContextCustomizers(context -> {
            if (context.getParent() instanceof StandardHost host) {
                host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
            }
        });
    }

    @Bean
    FilterRegistrationBean<RequestIdFilter> requestIdFilter() {
        FilterRegistrationBean<RequestIdFilter> registration = new FilterRegistrationBean<>(new RequestIdFilter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    /**
     * No Micrometer observation around each Spring Security filter, authentication and authorization. With an
     * observation registry present, Spring Security wraps every filter of the chain in one, with its own timer,
     * counters and tags: in a profile of the ranking lookup that was a fifth of the request threads' time, for
     * metrics nobody reads. Requests stay observed as a whole ({@code http.server.requests}).
     */
    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }
}
