package com.leadledger.command.it;

import com.leadledger.integrity.history.JdbcHistoryVerifier;
import com.leadledger.localruntime.DevTokens;
import com.leadledger.testsupport.HttpApi;
import com.leadledger.testsupport.Inns;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How the command side writes its event store: the events of one commit in one statement, chained to each other by
 * the database, and the stream heads advanced once per statement with the same outcome as once per event.
 */
class EventStoreWritesIT extends CommandServiceITBase {

    static final String ADMIN = DevTokens.mint("admin-1", List.of("ADMIN"), null);

    @LocalServerPort
    int port;
    @Autowired
    DataSource dataSource;

    @Test
    void storesTheEventsOfACommitWithOneStatementChainedAndCountedInTheirHead() throws SQLException {
        HttpApi http = new HttpApi("http://localhost:" + port);
        String partnerId = "P-WR-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(http.post("/api/v1/partners", ADMIN, """
                {"partnerId": "%s", "name": "Writes", "tier": "GOLD", "productLines": ["NETWORK_SECURITY"]}"""
                .formatted(partnerId)).status()).isEqualTo(201);
        var submitted = http.post("/api/v1/registrations",
                DevTokens.mint("user-of-" + partnerId, List.of("PARTNER"), partnerId), """
                        {"customer": {"legalName": "One statement", "country": "RU", "taxId": "%s",
                                      "domain": "one-statement.ru"},
                         "productLine": "NETWORK_SECURITY",
                         "estimatedValue": {"amount": "1250000.00", "currency": "RUB"},
                         "expectedCloseDate": "%s", "description": "first registration on its opportunity"}"""
                        .formatted(Inns.random(), LocalDate.now().plusDays(60)));
        assertThat(submitted.status()).as(submitted.raw()).isEqualTo(201);
        String opportunity = submitted.body().get("opportunityId").asText();

        try (Connection db = dataSource.getConnection()) {
            // rows inserted by one statement share its command id (cmin); a batch of single-row inserts would not
            assertThat(single(db, """
                    SELECT count(*) || ' events, ' || count(DISTINCT cmin::text) || ' statement'
                    FROM domainevententry WHERE aggregateidentifier = ?""", opportunity))
                    .isEqualTo("3 events, 1 statement");
            assertThat(single(db, """
                    SELECT h.last_sequence || '/' || h.event_count || '/' || (h.head_hash = e.event_hash)
                    FROM stream_head h JOIN domainevententry e
                      ON e.aggregateidentifier = h.aggregateidentifier AND e.sequencenumber = 2
                    WHERE h.aggregateidentifier = ?""", opportunity)).isEqualTo("2/3/true");
            var report = JdbcHistoryVerifier.verify(db, "domainevententry", "stream_head", opportunity, null);
            assertThat(report.intact()).as(report.describe()).isTrue();
        }
    }

    /** One statement over several streams, one of them continued: each head as if the rows had come one by one. */
    @Test
    void advancesEveryStreamOfAStatementToItsLastRow() throws SQLException {
        String continued = "writes-continued-" + UUID.randomUUID();
        String fresh = "writes-fresh-" + UUID.randomUUID();
        try (Connection app = dataSource.getConnection()) {
            app.setAutoCommit(false);
            try {
                insert(app, List.of(new Row(continued, 0), new Row(continued, 1)));
                insert(app, List.of(new Row(fresh, 0), new Row(continued, 2), new Row(fresh, 1),
                        new Row(continued, 3), new Row(fresh, 2)));

                assertThat(single(app, "SELECT last_sequence || '/' || event_count FROM stream_head "
                        + "WHERE aggregateidentifier = ?", continued)).isEqualTo("3/4");
                assertThat(single(app, "SELECT last_sequence || '/' || event_count FROM stream_head "
                        + "WHERE aggregateidentifier = ?", fresh)).isEqualTo("2/3");
                for (String stream : List.of(continued, fresh)) {
                    var report = JdbcHistoryVerifier.verify(app, "domainevententry", "stream_head", stream, null);
                    assertThat(report.intact()).as(report.describe()).isTrue();
                }
            } finally {
                app.rollback(); // the relay would publish the probe rows
            }
        }
    }

    /**
     * Each row of a statement is enqueued once for the relay and once for the webhook fan-out, by one insert per
     * outbox and statement: rows one insert wrote share its command id (cmin); a trigger per row gives each its own.
     */
    @Test
    void enqueuesTheRowsOfAStatementForTheRelayAndTheWebhooksWithOneInsertEach() throws SQLException {
        String stream = "writes-enqueued-" + UUID.randomUUID();
        try (Connection app = dataSource.getConnection()) {
            app.setAutoCommit(false);
            try {
                insert(app, List.of(new Row(stream, 0)));
                insert(app, List.of(new Row(stream, 1), new Row(stream, 2), new Row(stream, 3)));

                for (String outbox : List.of("relay_outbox", "webhook_outbox")) {
                    assertThat(single(app, """
                            SELECT string_agg(e.sequencenumber || ':' || (SELECT count(*) FROM %s o
                                                                          WHERE o.global_index = e.globalindex),
                                              ' ' ORDER BY e.sequencenumber)
                            FROM domainevententry e WHERE e.aggregateidentifier = ?""".formatted(outbox), stream))
                            .as(outbox).isEqualTo("0:1 1:1 2:1 3:1");
                    assertThat(single(app, """
                            SELECT count(DISTINCT o.cmin::text) FROM %s o
                            JOIN domainevententry e ON e.globalindex = o.global_index
                            WHERE e.aggregateidentifier = ? AND e.sequencenumber > 0""".formatted(outbox), stream))
                            .as(outbox + ": inserts for the rows of the second statement").isEqualTo("1");
                }
            } finally {
                app.rollback(); // the relay would publish the probe rows
            }
        }
    }

    record Row(String stream, long sequence) {
    }

    private static void insert(Connection app, List<Row> rows) throws SQLException {
        String values = String.join(",", rows.stream()
                .map(row -> "(?, ?, 'Probe', ?, '{}', 'Probe', '2026-12-03T10:00:00Z')").toList());
        try (PreparedStatement insert = app.prepareStatement("""
                INSERT INTO domainevententry (aggregateidentifier, sequencenumber, type, eventidentifier, payload,
                                              payloadtype, timestamp) VALUES """ + values)) {
            int p = 0;
            for (Row row : rows) {
                insert.setString(++p, row.stream());
                insert.setLong(++p, row.sequence());
                insert.setString(++p, UUID.randomUUID().toString());
            }
            assertThat(insert.executeUpdate()).isEqualTo(rows.size());
        }
    }

    private static String single(Connection db, String sql, String parameter) throws SQLException {
        try (PreparedStatement query = db.prepareStatement(sql)) {
            query.setString(1, parameter);
            try (ResultSet rs = query.executeQuery()) {
                assertThat(rs.next()).as(sql).isTrue();
                return rs.getString(1);
            }
        }
    }
}
