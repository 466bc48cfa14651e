package com.leadledger.command.it;

import com.leadledger.command.CommandServiceApplication;
import com.leadledger.events.envelope.EventEnvelope;
import com.leadledger.testsupport.EventTopics;
import com.leadledger.testsupport.HttpApi;
import com.leadledger.testsupport.TestInfrastructure;
import com.zaxxer.hikari.HikariDataSource;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.test.context.DynamicPropertyRegistry;

import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import javax.sql.DataSource;

/** Points a command-service test context at a fresh database on the real PostgreSQL and its own topic on real Kafka. */
final class RealInfrastructure {

    private RealInfrastructure() {
    }

    /** The first envelope on the topic that matches, read from the beginning with a fresh consumer group. */
    static EventEnvelope awaitEnvelope(String topic, Predicate<EventEnvelope> wanted) {
        return EventTopics.awaitEnvelope(topic, wanted, Duration.ofSeconds(30));
    }

    /**
     * The service's database as the server's superuser, for what the service's own role may not do: tampering with the
     * history as a database owner could, or copying it into tables of the test's own.
     */
    static DataSource superuser(DataSource service) {
        var pg = TestInfrastructure.postgres();
        try {
            return new DriverManagerDataSource(service.unwrap(HikariDataSource.class).getJdbcUrl(), pg.username(),
                    pg.password());
        } catch (SQLException e) {
            throw new IllegalStateException("not the service's Hikari pool: " + service, e);
        }
    }

    /** A fresh database, used as the application role and migrated as the migration owner, as in a deployment. */
    static void register(DynamicPropertyRegistry registry, String name) {
        var pg = TestInfrastructure.postgres();
        pg.serviceProperties(pg.freshDatabase(name)).forEach((property, value) -> registry.add(property, () -> value));
        registry.add("spring.kafka.bootstrap-servers", () -> TestInfrastructure.kafka().bootstrapServers());
        registry.add("leadledger.kafka.topic", () -> "leadledger.events." + name + "-" + UUID.randomUUID());
    }

    /**
     * The settings of a command service started on its own rather than as the shared test context: a fresh database,
     * its own topic and any free port. Tests add theirs before {@link #startOwnService}.
     */
    static Map<String, Object> ownServiceSettings(String database) {
        Map<String, Object> settings = new HashMap<>();
        register((name, value) -> settings.put(name, value.get()), database);
        settings.put("server.port", 0);
        return settings;
    }

    /** A command service of its own; the settings are command-line arguments, which take precedence over application.yml. */
    static ConfigurableApplicationContext startOwnService(Map<String, Object> settings) {
        return new SpringApplicationBuilder(CommandServiceApplication.class).run(settings.entrySet().stream()
                .map(s -> "--" + s.getKey() + "=" + s.getValue()).toArray(String[]::new));
    }

    static String baseUrl(ConfigurableApplicationContext service) {
        return "http://localhost:" + ((ServletWebServerApplicationContext) service).getWebServer().getPort();
    }

    static HttpApi http(ConfigurableApplicationContext service) {
        return new HttpApi(baseUrl(service));
    }
}
