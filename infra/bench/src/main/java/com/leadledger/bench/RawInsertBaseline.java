package com.leadledger.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The same-run baseline of the throughput scenarios: raw JDBC, one transaction per row, inserting an equivalent event
 * row (a real RegistrationSubmitted payload and metadata, taken from the event store) into a copy of
 * {@code domainevententry} without triggers.
 */
final class RawInsertBaseline {

    private final Harness harness;
    private final byte[] payload;
    private final byte[] metadata;
    private final String payloadType;

    private RawInsertBaseline(Harness harness, byte[] payload, byte[] metadata, String payloadType) {
        this.harness = harness;
        this.payload = payload;
        this.metadata = metadata;
        this.payloadType = payloadType;
    }

    /** Takes the sample event (the warm-up must have stored one) and creates the baseline's table. */
    static RawInsertBaseline prepare(Harness harness) throws SQLException {
        RawInsertBaseline baseline;
        try (Connection c = harness.stack.commandDb(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT payload, metadata, payloadtype FROM domainevententry "
                     + "WHERE payloadtype LIKE '%RegistrationSubmitted' ORDER BY globalindex DESC LIMIT 1")) {
            if (!rs.next()) {
                throw new IllegalStateException("no RegistrationSubmitted event stored after the warm-up; see "
                        + harness.stack.command.logFile());
            }
            baseline = new RawInsertBaseline(harness, rs.getBytes(1), rs.getBytes(2), rs.getString(3));
        }
        try (Connection c = harness.stack.baselineDb(); Statement st = c.createStatement()) {
            // the layout of domainevententry (command-service V1__event_store.sql), without the hash-chain triggers
            st.execute("""
                    CREATE TABLE IF NOT EXISTS raw_event (
                        globalindex         BIGSERIAL    NOT NULL PRIMARY KEY,
                        aggregateidentifier VARCHAR(255) NOT NULL,
                        sequencenumber      BIGINT       NOT NULL,
                        type                VARCHAR(255),
                        eventidentifier     VARCHAR(255) NOT NULL,
                        metadata            BYTEA,
                        payload             BYTEA        NOT NULL,
                        payloadrevision     VARCHAR(255),
                        payloadtype         VARCHAR(255) NOT NULL,
                        timestamp           VARCHAR(255) NOT NULL,
                        CONSTRAINT raw_event_aggregate_sequence_uq UNIQUE (aggregateidentifier, sequencenumber),
                        CONSTRAINT raw_event_event_id_uq UNIQUE (eventidentifier))""");
        }
        return baseline;
    }

    /** One round as long as a scenario round, with as many connections as the scenario has clients. */
    ClosedLoop round() throws SQLException {
        BenchConfig config = harness.config;
        List<Connection> connections = new ArrayList<>();
        List<PreparedStatement> statements = new ArrayList<>();
        try {
            for (int i = 0; i < config.clients(); i++) {
                Connection c = harness.stack.baselineDb();
                c.setAutoCommit(true); // one transaction per row
                connections.add(c);
                statements.add(c.prepareStatement("INSERT INTO raw_event (aggregateidentifier, sequencenumber, type, "
                        + "eventidentifier, metadata, payload, payloadrevision, payloadtype, timestamp) "
                        + "VALUES (?, 0, 'Opportunity', ?, ?, ?, NULL, ?, ?)"));
            }
            return ClosedLoop.run(config.clients(), config.roundSeconds(), i -> {
                try {
                    PreparedStatement ps = statements.get(i);
                    ps.setString(1, UUID.randomUUID().toString());
                    ps.setString(2, UUID.randomUUID().toString());
                    ps.setBytes(3, metadata);
                    ps.setBytes(4, payload);
                    ps.setString(5, payloadType);
                    ps.setString(6, Instant.now().toString());
                    return ps.executeUpdate() == 1;
                } catch (SQLException e) {
                    return false;
                }
            });
        } finally {
            for (Connection c : connections) {
                c.close();
            }
        }
    }
}
