package com.leadledger.command.config;

import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

class AxonUpdateCheckerTest {

    private final Properties system = new Properties();

    @Test
    void isOffWhenTheOperatorSaidNothing() {
        AxonUpdateChecker.offUnlessOperatorDecided(system, Map.of());

        assertThat(system.getProperty("axoniq.update-checker.disabled")).isEqualTo("true");
    }

    @Test
    void followsTheOperatorsSystemProperty() {
        system.setProperty("axoniq.update-checker.disabled", "false");

        AxonUpdateChecker.offUnlessOperatorDecided(system, Map.of());

        assertThat(system.getProperty("axoniq.update-checker.disabled")).isEqualTo("false");
    }

    @Test
    void followsTheOperatorsEnvironmentVariable() {
        AxonUpdateChecker.offUnlessOperatorDecided(system, Map.of("AXONIQ_UPDATE_CHECKER_DISABLED", "false"));

        assertThat(system.getProperty("axoniq.update-checker.disabled")).isNull();
    }
}
