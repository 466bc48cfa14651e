package com.leadledger.command.policy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.leadledger.events.policy.PolicyDocument;
import com.leadledger.events.policy.PolicyPublished;
import com.leadledger.testsupport.TestInfrastructure;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two command-service instances on one database, each with its own {@link PolicyVersions}: a version one of them
 * publishes is in force on the other as soon as it committed, although the other has read (and kept) the previous one.
 */
class PolicyInForceOnEveryInstanceIT {

    private static final ObjectMapper MAPPER = JsonMapper.builder().addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();

    private PolicyVersions publishingInstance;
    private PolicyVersions otherInstance;

    @BeforeEach
    void twoInstancesOnOneDatabase() throws Exception {
        var pg = TestInfrastructure.postgres();
        String url = pg.jdbcUrl(pg.freshDatabase("policy_in_force"));
        JdbcClient.create(new DriverManagerDataSource(url, pg.username(), pg.password()))
                .sql(new ClassPathResource("db/migration/V2__command_views.sql")
                        .getContentAsString(StandardCharsets.UTF_8)).update();
        publishingInstance = new PolicyVersions(
                JdbcClient.create(new DriverManagerDataSource(url, pg.username(), pg.password())), MAPPER);
        otherInstance = new PolicyVersions(
                JdbcClient.create(new DriverManagerDataSource(url, pg.username(), pg.password())), MAPPER);
    }

    @Test
    void aVersionPublishedOnOneInstanceIsInForceOnTheOtherAtOnce() throws Exception {
        PolicyDocument first = TestPolicies.defaultDocument();
        publishingInstance.on(new PolicyPublished(1, first, Instant.parse("2026-12-01T09:00:00Z"), "admin"));
        assertThat(otherInstance.inForce().version()).isEqualTo(1);
        assertThat(otherInstance.inForce().policy()).isEqualTo(first);

        PolicyDocument second = new PolicyDocument(first.productLines(), first.tiers(), 5,
                first.disputeSlaBusinessDays(), first.extension(), first.appealWindowDays(), first.maxCloseDateMonths(),
                first.calendar(), first.limits());
        publishingInstance.on(new PolicyPublished(2, second, Instant.parse("2026-12-02T09:00:00Z"), "admin"));

        assertThat(second).isNotEqualTo(first);
        assertThat(otherInstance.inForce().version()).isEqualTo(2);
        assertThat(otherInstance.inForce().policy()).isEqualTo(second);
        assertThat(otherInstance.version(1).policy()).isEqualTo(first);
        assertThat(otherInstance.current()).contains(otherInstance.version(2));
    }
}
