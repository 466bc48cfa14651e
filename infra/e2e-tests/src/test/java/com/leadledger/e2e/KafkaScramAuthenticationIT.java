package com.leadledger.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.leadledger.localruntime.ChildProcess;
import com.leadledger.localruntime.DevTokens;
import com.leadledger.localruntime.KafkaBrokerProcess;
import com.leadledger.localruntime.ProjectPaths;
import com.leadledger.localruntime.ServiceProcess;
import com.leadledger.testsupport.HttpApi;
import com.leadledger.testsupport.Inns;
import com.leadledger.testsupport.PostgresServer;
import com.leadledger.testsupport.TestInfrastructure;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Security finding 6, its Kafka half: the broker authenticates its clients with SASL/SCRAM. A broker of its own that
 * requires SCRAM, both services as processes with their user from {@code LEADLEDGER_KAFKA_SECURITY_PROTOCOL},
 * {@code LEADLEDGER_KAFKA_USERNAME} and {@code LEADLEDGER_KAFKA_PASSWORD} (a password with a quote and a backslash):
 * the command service creates the topic and publishes, the query service consumes, both report Kafka healthy; a client
 * with a wrong password and a client without SASL get nothing from the broker. That a service with SASL on but no
 * credentials does not start is {@code KafkaClientAuthenticationTest}'s (service kit).
 */
class KafkaScramAuthenticationIT {

    static final String USER = "leadledger-services";
    static final String PASSWORD = "pass \"word\" with \\ inside";
    static final String TOPIC = "leadledger.events";
    static final String PARTNER = "P-1001";
    static final String ADMIN = DevTokens.mint("admin", List.of("ADMIN"), null);

    static KafkaBrokerProcess broker;
    static ServiceProcess command;
    static ServiceProcess query;

    @BeforeAll
    static void startSystem() throws Exception {
        Path home = ProjectPaths.root().resolve("infra/e2e-tests/target/kafka-scram-" + UUID.randomUUID());
        Files.createDirectories(home);
        broker = KafkaBrokerProcess.builder(home.resolve("kafka")).logDirectory(home)
                .scramUser("broker", "broker-" + UUID.randomUUID()).scramUser(USER, PASSWORD).build().start();
        PostgresServer pg = TestInfrastructure.postgres();
        Map<String, String> env = new HashMap<>();
        env.put("SPRING_PROFILES_ACTIVE", "local");
        env.put("LEADLEDGER_COMMAND_DB_URL", pg.jdbcUrl(pg.freshDatabase("scram_command")));
        env.put("LEADLEDGER_QUERY_DB_URL", pg.jdbcUrl(pg.freshDatabase("scram_query")));
        env.putAll(pg.roles().environment()); // the application role, migrating as the migration owner
        env.put("LEADLEDGER_KAFKA_BOOTSTRAP", broker.bootstrapServers());
        env.put("LEADLEDGER_KAFKA_SECURITY_PROTOCOL", "SASL_PLAINTEXT");
        env.put("LEADLEDGER_KAFKA_USERNAME", USER);
        env.put("LEADLEDGER_KAFKA_PASSWORD", PASSWORD);
        env.put("LEADLEDGER_TOPIC", TOPIC);
        env.put("LEADLEDGER_HOME", home.toString());
        env.put("LEADLEDGER_RECONCILIATION_ENABLED", "false"); // reconciliation has its own end-to-end test
        command = service(ProjectPaths.commandServiceJar(), "command-service", home, env).start();
        env.put("LEADLEDGER_COMMAND_URL", command.baseUrl());
        query = service(ProjectPaths.queryServiceJar(), "query-service", home, env).start();
    }

    static ServiceProcess service(Path jar, String name, Path home, Map<String, String> env) {
        return ServiceProcess.builder(jar).name(name).env(env)
                .jvmArgs("-Xmx384m", "-XX:TieredStopAtLevel=1").logFile(home.resolve(name + ".log"))
                .startTimeout(Duration.ofSeconds(180)).build();
    }

    @AfterAll
    static void stopSystem() {
        Stream.<ChildProcess<?>>of(query, command, broker).filter(Objects::nonNull).forEach(ChildProcess::kill);
    }

    @Test
    void aRegistrationTravelsFromTheCommandToTheQueryServiceThroughTheScramBroker() throws Exception {
        try (Admin admin = Admin.create(broker.clientProperties(USER, PASSWORD))) {
            var created = admin.describeTopics(List.of(TOPIC)).allTopicNames().get(10, TimeUnit.SECONDS);
            assertThat(created.get(TOPIC).partitions()).as("created by the command service's admin").hasSize(6);
        }

        String partner = DevTokens.mint("user-of-" + PARTNER, List.of("PARTNER"), PARTNER);
        HttpApi commandApi = new HttpApi(command.baseUrl());
        var answer = commandApi.post("/api/v1/registrations", partner, registration(Inns.random()));
        assertThat(answer.status()).as(answer.raw()).isEqualTo(201);
        String id = answer.text("registrationId");

        HttpApi queryApi = new HttpApi(query.baseUrl());
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> queryApi.get("/api/v1/registrations/" + id, partner).status() == 200);
        assertThat(queryApi.get("/api/v1/registrations/" + id, partner).text("partnerId")).isEqualTo(PARTNER);

        for (ServiceProcess service : List.of(command, query)) {
            JsonNode health = new HttpApi(service.baseUrl()).get("/actuator/health", ADMIN).body();
            assertThat(health.at("/components/kafka/status").asText()).as(service.name()).isEqualTo("UP");
        }
    }

    @Test
    void theBrokerRefusesAClientWithAWrongPassword() {
        try (Admin admin = Admin.create(broker.clientProperties(USER, "not the password"))) {
            assertThatThrownBy(() -> admin.listTopics().names().get(30, TimeUnit.SECONDS))
                    .hasCauseInstanceOf(SaslAuthenticationException.class)
                    .hasMessageContaining("invalid credentials");
        }
    }

    @Test
    void theBrokerRefusesAClientWithoutSasl() throws Exception {
        long recordsBefore = recordsOnTheTopic();
        Map<String, Object> plaintext = Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5000,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000);
        try (Admin admin = Admin.create(plaintext)) {
            assertThatThrownBy(() -> admin.listTopics().names().get(30, TimeUnit.SECONDS))
                    .as("no answer to a client that does not authenticate").hasCauseInstanceOf(TimeoutException.class);
        }

        Map<String, Object> producerSettings = new HashMap<>(plaintext);
        producerSettings.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5000);
        try (var producer = new KafkaProducer<>(producerSettings, new StringSerializer(), new StringSerializer())) {
            var forged = new ProducerRecord<>(TOPIC, "forged", "{}");
            assertThatThrownBy(() -> producer.send(forged).get(30, TimeUnit.SECONDS))
                    .hasCauseInstanceOf(TimeoutException.class);
        }
        assertThat(recordsOnTheTopic()).as("nothing written without authenticating").isEqualTo(recordsBefore);
    }

    /** Sum of the topic's end offsets, read as the broker's own user. */
    private static long recordsOnTheTopic() throws Exception {
        try (Admin admin = Admin.create(broker.clientProperties())) {
            var partitions = admin.describeTopics(List.of(TOPIC)).allTopicNames().get(10, TimeUnit.SECONDS)
                    .get(TOPIC).partitions().stream().map(p -> new TopicPartition(TOPIC, p.partition())).toList();
            var latest = admin.listOffsets(partitions.stream()
                    .collect(Collectors.toMap(Function.identity(), p -> OffsetSpec.latest())))
                    .all().get(10, TimeUnit.SECONDS);
            return latest.values().stream().mapToLong(offset -> offset.offset()).sum();
        }
    }

    private static String registration(String inn) {
        return """
                {"customer": {"legalName": "SCRAM %s", "country": "RU", "taxId": "%s"},
                 "productLine": "NETWORK_SECURITY", "estimatedValue": {"amount": "500000", "currency": "RUB"},
                 "expectedCloseDate": "%s"}"""
                .formatted(inn, inn, LocalDate.now().plusDays(60));
    }
}
