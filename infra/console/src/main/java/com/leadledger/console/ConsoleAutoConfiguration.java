package com.leadledger.console;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FullyQualifiedAnnotationBeanNameGenerator;

import java.time.Clock;

/**
 * The browser console, served by the application that has it on its class path (the query service): server-rendered
 * pages under {@code /console/} that read from the query API and write through the command service's public API with
 * the signed-in user's own token. {@code leadledger.console.enabled=false} leaves it out.
 */
@AutoConfiguration(before = WebMvcAutoConfiguration.class) // its locale resolver, not Spring MVC's default one
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnBooleanProperty(name = ConsoleDefaults.ENABLED, matchIfMissing = true)
@EnableConfigurationProperties(ConsoleProperties.class)
// Beans named by their full class names: the console's RebuildController is not the query service's.
@ComponentScan(nameGenerator = FullyQualifiedAnnotationBeanNameGenerator.class)
public class ConsoleAutoConfiguration {

    /** The application's clock where it has one (the query service does). */
    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }
}
