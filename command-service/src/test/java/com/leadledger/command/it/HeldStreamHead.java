package com.leadledger.command.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.leadledger.localruntime.DevTokens;
import com.leadledger.testsupport.HttpApi;
import com.leadledger.testsupport.TestInfrastructure;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An aggregate's stream head held locked from outside the service: the next event of that stream is inserted (its
 * global index taken) and then waits in the event store's insert trigger until {@link #release()} — a write
 * transaction made slow on purpose. Also the small HTTP steps the tests around it share.
 */
final class HeldStreamHead implements AutoCloseable {

    private final Connection connection;

    private HeldStreamHead(Connection connection) {
        this.connection = connection;
    }

    static HeldStreamHead hold(String jdbcUrl, String aggregateId) throws SQLException {
        var pg = TestInfrastructure.postgres();
        Connection connection = DriverManager.getConnection(jdbcUrl, pg.username(), pg.password());
        connection.setAutoCommit(false);
        try (PreparedStatement lock = connection.prepareStatement(
                "SELECT * FROM stream_head WHERE aggregateidentifier = ? FOR UPDATE")) {
            lock.setString(1, aggregateId);
            assertThat(lock.executeQuery().next()).as("stream head of " + aggregateId).isTrue();
        }
        return new HeldStreamHead(connection);
    }

    /** Lets the held transaction go on; the connection stays open for queries (autocommit). */
    void release() throws SQLException {
        connection.rollback();
        connection.setAutoCommit(true);
    }

    Connection connection() {
        return connection;
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }

    static String onboard(HttpApi http, String partnerId) {
        assertThat(http.post("/api/v1/partners", DevTokens.mint("admin", List.of("ADMIN"), null),
                "{\"partnerId\": \"" + partnerId + "\", \"name\": \"Held\", \"tier\": \"GOLD\", "
                        + "\"productLines\": [\"NETWORK_SECURITY\"]}").status()).isEqualTo(201);
        return partnerId;
    }

    static HttpApi.Answer post(HttpApi http, String partner, String inn) {
        return http.post("/api/v1/registrations", DevTokens.mint("u-" + partner, List.of("PARTNER"), partner), """
                {"customer": {"legalName": "Held Stream Co", "country": "RU", "taxId": "%s"},
                 "productLine": "NETWORK_SECURITY", "estimatedValue": {"amount": "500000", "currency": "RUB"},
                 "expectedCloseDate": "%s"}""".formatted(inn, LocalDate.now().plusDays(30)));
    }

    static JsonNode submit(HttpApi http, String partner, String inn) {
        HttpApi.Answer answer = post(http, partner, inn);
        assertThat(answer.status()).as(answer.raw()).isEqualTo(201);
        return answer.body();
    }
}
