package com.leadledger.kit.kafka;

import com.leadledger.kit.health.KafkaHealthConfiguration;
import com.leadledger.kit.health.KafkaHealthIndicator;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.config.types.Password;
import org.apache.kafka.common.security.JaasContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.context.ApplicationContext;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.ProducerFactory;

import javax.security.auth.login.AppConfigurationEntry;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Kafka client authentication is configured once for every client of a service (producers, consumers, Spring's
 * admin, the health check), stays off by default, and a service whose settings cannot work does not start.
 */
class KafkaClientAuthenticationTest {

    private static final String SCRAM_LOGIN_MODULE = "org.apache.kafka.common.security.scram.ScramLoginModule";

    private final ApplicationContextRunner services = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class, KafkaAutoConfiguration.class,
                    KafkaAuthenticationConfiguration.class, KafkaHealthConfiguration.class))
            .withPropertyValues("spring.kafka.bootstrap-servers=localhost:1");

    @Test
    void clientsSendNoCredentialsByDefault() {
        services.run(context -> {
            assertThat(context).hasSingleBean(KafkaHealthIndicator.class);
            assertThat(clientSettings(context)).hasSize(3).allSatisfy(settings -> assertThat(settings)
                    .doesNotContainKeys("security.protocol", "sasl.mechanism", "sasl.jaas.config"));
        });
        services.withPropertyValues("spring.kafka.security.protocol=PLAINTEXT").run(context -> {
            assertThat(context).hasSingleBean(KafkaHealthIndicator.class);
            assertThat(clientSettings(context)).hasSize(3).allSatisfy(settings -> assertThat(settings)
                    .containsEntry("security.protocol", "PLAINTEXT")
                    .doesNotContainKeys("sasl.mechanism", "sasl.jaas.config"));
        });
    }

    @Test
    void everyClientAuthenticatesWithScramWhenSaslIsOn() {
        services.withPropertyValues("spring.kafka.security.protocol=SASL_SSL",
                        "leadledger.kafka.sasl.username=command-service",
                        "leadledger.kafka.sasl.password=pa\"ss\\word")
                .run(context -> {
                    assertThat(context).hasNotFailed().hasSingleBean(KafkaHealthIndicator.class);
                    List<Map<String, Object>> clients = clientSettings(context);
                    assertThat(clients).hasSize(3).allSatisfy(settings -> {
                        assertThat(settings).containsEntry("security.protocol", "SASL_SSL")
                                .containsEntry("sasl.mechanism", "SCRAM-SHA-512");
                        assertThat(loginOptions(settings.get("sasl.jaas.config").toString()))
                                .containsExactlyInAnyOrderEntriesOf(Map.of("username", "command-service",
                                        "password", "pa\"ss\\word"));
                    });
                });
    }

    @Test
    void theMechanismCanBeScramSha256() {
        services.withPropertyValues("spring.kafka.security.protocol=SASL_PLAINTEXT",
                        "leadledger.kafka.sasl.mechanism=SCRAM-SHA-256",
                        "leadledger.kafka.sasl.username=query-service", "leadledger.kafka.sasl.password=secret")
                .run(context -> assertThat(clientSettings(context))
                        .allSatisfy(settings -> assertThat(settings).containsEntry("sasl.mechanism", "SCRAM-SHA-256")));
    }

    @Test
    void cannotStartWithSaslButWithoutCredentials() {
        services.withPropertyValues("spring.kafka.security.protocol=SASL_SSL").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().hasMessage("LEADLEDGER_KAFKA_SECURITY_PROTOCOL is "
                    + "SASL_SSL, but LEADLEDGER_KAFKA_USERNAME and LEADLEDGER_KAFKA_PASSWORD are not set: set "
                    + "LEADLEDGER_KAFKA_USERNAME and LEADLEDGER_KAFKA_PASSWORD to the service's Kafka user and its "
                    + "password");
        });
        services.withPropertyValues("spring.kafka.security.protocol=SASL_PLAINTEXT",
                "leadledger.kafka.sasl.username=command-service").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause()
                    .hasMessageStartingWith("LEADLEDGER_KAFKA_SECURITY_PROTOCOL is SASL_PLAINTEXT, but "
                            + "LEADLEDGER_KAFKA_PASSWORD is not set");
        });
    }

    @Test
    void cannotStartWithCredentialsThatTheProtocolDoesNotSend() {
        services.withPropertyValues("leadledger.kafka.sasl.username=command-service",
                "leadledger.kafka.sasl.password=secret").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause()
                    .hasMessage("LEADLEDGER_KAFKA_USERNAME and LEADLEDGER_KAFKA_PASSWORD are set, but "
                            + "LEADLEDGER_KAFKA_SECURITY_PROTOCOL is PLAINTEXT, which sends no credentials: set it to "
                            + "SASL_SSL or SASL_PLAINTEXT, or remove the credentials");
        });
        services.withPropertyValues("spring.kafka.security.protocol=SSL", "leadledger.kafka.sasl.password=secret")
                .run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(context.getStartupFailure()).rootCause().hasMessageStartingWith(
                            "LEADLEDGER_KAFKA_PASSWORD is set, but LEADLEDGER_KAFKA_SECURITY_PROTOCOL is SSL");
                });
    }

    @Test
    void cannotStartWithAnUnknownProtocolOrMechanism() {
        services.withPropertyValues("spring.kafka.security.protocol=SASL").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().hasMessageContaining(
                    "LEADLEDGER_KAFKA_SECURITY_PROTOCOL is 'SASL': set it to one of [PLAINTEXT, SSL, SASL_PLAINTEXT, "
                            + "SASL_SSL]");
        });
        services.withPropertyValues("spring.kafka.security.protocol=SASL_SSL",
                "leadledger.kafka.sasl.mechanism=PLAIN", "leadledger.kafka.sasl.username=command-service",
                "leadledger.kafka.sasl.password=secret").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().hasMessageContaining(
                    "set LEADLEDGER_KAFKA_SASL_MECHANISM to SCRAM-SHA-512 or SCRAM-SHA-256");
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"plain", "with \"quotes\"", "back\\slash\\", "\\\"", "\"; extra=\"option",
            "ends with backslash \\", "line\nbreak\r\n", "tab\tand 'single' quotes", "ÄÖ🔑", "\\n not a break",
            "", " "})
    void noPasswordCanEndItsValueEarlyOrAddOptions(String password) {
        String jaas = KafkaClientAuthentication.scramJaasConfig("user \"one\"", password);

        assertThat(loginOptions(jaas)).containsExactlyInAnyOrderEntriesOf(
                Map.of("username", "user \"one\"", "password", password));
    }

    @Test
    void theCredentialsNeverShowInTheSettingsToString() {
        assertThat(new KafkaSaslProperties("SCRAM-SHA-512", "command-service", "secret-value").toString())
                .contains("command-service").doesNotContain("secret-value");
    }

    /** Producer, consumer and admin settings, as the clients are created with them. */
    private static List<Map<String, Object>> clientSettings(ApplicationContext context) {
        return List.of(context.getBean(ProducerFactory.class).getConfigurationProperties(),
                context.getBean(ConsumerFactory.class).getConfigurationProperties(),
                context.getBean(KafkaAdmin.class).getConfigurationProperties());
    }

    /** The options of the one SCRAM login entry, read by Kafka's own parser. */
    private static Map<String, Object> loginOptions(String jaasConfig) {
        List<AppConfigurationEntry> entries = JaasContext.loadClientContext(
                Map.of(SaslConfigs.SASL_JAAS_CONFIG, new Password(jaasConfig))).configurationEntries();
        assertThat(entries).hasSize(1);
        assertThat(entries.get(0).getLoginModuleName()).isEqualTo(SCRAM_LOGIN_MODULE);
        return Map.copyOf(entries.get(0).getOptions());
    }
}
