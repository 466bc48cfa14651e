package com.leadledger.console;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Profiles;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Adds the console's settings ({@code console.yml}: its session cookie, message bundles, its own variables) behind
 * everything the application configures itself, so that the query service serving the console keeps its own settings.
 * A document of the file that names a profile ({@code spring.config.activate.on-profile}) counts only when the profile
 * is active, and then before the others. Nothing is added where the console is switched off.
 */
public class ConsoleDefaults implements EnvironmentPostProcessor, Ordered {

    static final String FILE = "console.yml";
    static final String ENABLED = "leadledger.console.enabled";
    private static final String ON_PROFILE = "spring.config.activate.on-profile";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!environment.getProperty(ENABLED, Boolean.class, true)) {
            return; // nothing of the console, not even its session cookie
        }
        List<PropertySource<?>> documents;
        try {
            documents = new YamlPropertySourceLoader().load("console defaults", new ClassPathResource(FILE));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + FILE, e);
        }
        documents = new ArrayList<>(documents);
        Collections.reverse(documents); // the last document first: it wins over the ones before it
        for (PropertySource<?> document : documents) {
            Object profile = document.getProperty(ON_PROFILE);
            if (profile == null || environment.acceptsProfiles(Profiles.of(profile.toString()))) {
                environment.getPropertySources().addLast(document);
            }
        }
    }

    /** After the application's own configuration files are read (and with them the active profiles). */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
