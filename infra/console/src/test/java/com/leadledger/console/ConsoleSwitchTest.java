package com.leadledger.console;

import com.leadledger.console.api.LeadLedgerApi;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console comes with the query service unless switched off, and then nothing of it is there: no page, no session
 * cookie. Its cookie is {@code Secure} except in the local profile.
 */
class ConsoleSwitchTest {

    private static final String COOKIE = "server.servlet.session.cookie.";

    @Test
    void switchedOffTheConsoleBringsNoBeans() {
        new WebApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(ConsoleAutoConfiguration.class))
                .withPropertyValues("leadledger.console.enabled=false")
                .run(context -> assertThat(context).hasNotFailed()
                        .doesNotHaveBean(ConsoleProperties.class).doesNotHaveBean(LeadLedgerApi.class));
    }

    @Test
    void switchedOffTheConsoleSetsNoSessionCookie() {
        MockEnvironment off = new MockEnvironment().withProperty(ConsoleDefaults.ENABLED, "false");

        new ConsoleDefaults().postProcessEnvironment(off, null);

        assertThat(off.getProperty(COOKIE + "name")).isNull();
        assertThat(off.getProperty("spring.messages.basename")).isNull();
    }

    @Test
    void theSessionCookieIsTheConsolesOwnAndSecureOutsideTheLocalProfile() {
        MockEnvironment production = new MockEnvironment();
        MockEnvironment local = new MockEnvironment();
        local.setActiveProfiles("local");

        new ConsoleDefaults().postProcessEnvironment(production, null);
        new ConsoleDefaults().postProcessEnvironment(local, null);

        assertThat(production.getProperty(COOKIE + "name")).isEqualTo("CONSOLE_SESSION");
        assertThat(production.getProperty(COOKIE + "path")).isEqualTo("/console");
        assertThat(production.getProperty(COOKIE + "secure")).isEqualTo("true");
        assertThat(local.getProperty(COOKIE + "secure")).isEqualTo("false");
        assertThat(local.getProperty(COOKIE + "http-only")).isEqualTo("true");
    }

    @Test
    void theApplicationsOwnSettingsWin() {
        MockEnvironment environment = new MockEnvironment().withProperty(COOKIE + "secure", "false");

        new ConsoleDefaults().postProcessEnvironment(environment, null);

        assertThat(environment.getProperty(COOKIE + "secure")).isEqualTo("false");
    }
}
