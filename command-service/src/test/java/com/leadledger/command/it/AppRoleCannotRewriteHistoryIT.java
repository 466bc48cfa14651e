package com.leadledger.command.it;

import com.leadledger.integrity.history.JdbcHistoryVerifier;
import com.leadledger.localruntime.DevTokens;
import com.leadledger.testsupport.HttpApi;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The role the command service serves requests with (its own connection pool) can append to the event store and read
 * it, and nothing more: changing, removing, emptying, un-triggering or dropping the event table, its stream heads or
 * its checkpoints is refused by PostgreSQL's privilege checks, before any trigger would have to say no.
 */
// Own context: it tries to rewrite the history of its database with the service's own role.
@DirtiesContext // close this context (Kafka clients, processors) while the shared servers are still up
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AppRoleCannotRewriteHistoryIT {

    /** The history's tables, each with a column its hashes cover. */
    static final Map<String, String> HISTORY = Map.of("domainevententry", "payload", "stream_head", "head_hash",
            "chain_checkpoint", "merkle_root");

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        RealInfrastructure.register(registry, "app_role_it");
    }

    @LocalServerPort
    int port;
    @Autowired
    DataSource dataSource;

    @Test
    void theApplicationRoleCanAppendAndReadTheHistoryButNotRewriteIt() throws Exception {
        assertThat(new HttpApi("http://localhost:" + port).post("/api/v1/partners",
                DevTokens.mint("admin", List.of("ADMIN"), null), """
                        {"partnerId": "P-AR1", "name": "Append only", "tier": "GOLD",
                         "productLines": ["NETWORK_SECURITY"]}""").status()).isEqualTo(201);

        try (Connection app = dataSource.getConnection(); Statement sql = app.createStatement()) {
            assertThat(single(sql, "SELECT rolsuper FROM pg_roles WHERE rolname = current_user")).isEqualTo("f");
            assertThat(single(sql, "SELECT count(*) FROM pg_class WHERE relowner = current_user::regrole"))
                    .as("tables, sequences and indexes it owns").isEqualTo("0");

            // a row of its own, rolled back afterwards: the relay would try to publish it
            String stream = "app-role-" + UUID.randomUUID();
            app.setAutoCommit(false);
            try (PreparedStatement insert = app.prepareStatement("""
                    INSERT INTO domainevententry (aggregateidentifier, sequencenumber, type, eventidentifier, payload,
                                                  payloadtype, timestamp)
                    VALUES (?, 0, 'Probe', ?, '{}', 'Probe', '2026-12-03T10:00:00Z')""")) {
                insert.setString(1, stream);
                insert.setString(2, UUID.randomUUID().toString());
                assertThat(insert.executeUpdate()).isOne();
            }
            assertThat(single(sql, "SELECT count(*) FROM domainevententry WHERE aggregateidentifier = '" + stream + "'"))
                    .isEqualTo("1");
            assertThat(single(sql, "SELECT event_count FROM stream_head WHERE aggregateidentifier = '" + stream + "'"))
                    .as("its head advanced by the trigger").isEqualTo("1");
            app.rollback();
            app.setAutoCommit(true);

            for (String table : HISTORY.keySet()) {
                String column = HISTORY.get(table);
                assertRefused(sql, "UPDATE " + table + " SET " + column + " = " + column, "permission denied");
                assertRefused(sql, "DELETE FROM " + table, "permission denied");
                assertRefused(sql, "TRUNCATE " + table, "permission denied");
                assertRefused(sql, "ALTER TABLE " + table + " DISABLE TRIGGER ALL", "must be owner");
                assertRefused(sql, "ALTER TABLE " + table + " DISABLE TRIGGER USER", "must be owner");
                assertRefused(sql, "DROP TABLE " + table, "must be owner");
            }
            assertRefused(sql, "ALTER TABLE domainevententry DISABLE TRIGGER domainevententry_append_only",
                    "must be owner");
            assertRefused(sql, "SET session_replication_role = replica", "permission denied");
            assertRefused(sql, "CREATE TABLE domainevententry_copy (LIKE domainevententry)", "permission denied");
        }
        try (Connection app = dataSource.getConnection()) {
            JdbcHistoryVerifier.Report report = JdbcHistoryVerifier.verify(app, "domainevententry", "stream_head",
                    "chain_checkpoint", null, null);
            assertThat(report.intact()).as(report.describe()).isTrue();
        }
    }

    /** Refused as insufficient privilege, with PostgreSQL's own message (not a trigger's). */
    private static void assertRefused(Statement sql, String statement, String message) {
        SQLException refused = catchThrowableOfType(SQLException.class, () -> sql.execute(statement));
        assertThat((Throwable) refused).as(statement + " refused").isNotNull();
        assertThat(refused.getSQLState()).as(statement).isEqualTo("42501");
        assertThat(refused.getMessage()).as(statement).contains(message).doesNotContain("append-only");
    }

    private static String single(Statement sql, String query) throws SQLException {
        try (ResultSet rs = sql.executeQuery(query)) {
            assertThat(rs.next()).as(query).isTrue();
            return rs.getString(1);
        }
    }
}
