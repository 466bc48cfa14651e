package com.leadledger.query.dispute;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.leadledger.events.LeadLedgerEvent;
import com.leadledger.events.dispute.DisputeOpened;
import com.leadledger.events.dispute.DisputeOutcome;
import com.leadledger.events.dispute.DisputeRuled;
import com.leadledger.events.dispute.DisputeType;
import com.leadledger.events.opportunity.RulingRecorded;
import com.leadledger.query.Fixtures;
import com.leadledger.query.projection.EventRef;
import com.leadledger.query.projection.Projector;
import com.leadledger.testsupport.PostgresServer;
import com.leadledger.testsupport.TestInfrastructure;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An existing database migrates to timelines in stored order: entries written before they carried their event's
 * global index get it from event_log, and a timeline that was written in arrival order is put in stored order.
 */
class DisputeTimelineMigrationIT {

    static final Instant T = Instant.parse("2030-03-02T09:00:00Z");

    @Test
    void entriesGetTheirGlobalIndexAndTheStoredOrder() throws Exception {
        List<Projector.Step> stored = List.of(
                step(new DisputeOpened("D-9", DisputeType.SUPPORT_OVERRIDE, "O-9", "R-A", "P-A", "PARTNER",
                        "support moved away", null, 1, T.plusSeconds(3600), T, 1), 40, "D-9", 0),
                step(new DisputeRuled("D-9", "O-9", 1, DisputeOutcome.UPHELD, "A was first", "R-A", false, 0, null,
                        null, null, false, null, T.plusSeconds(864_000), "manager-1", "CHANNEL_MANAGER", T, 1, null), 41,
                        "D-9", 1),
                step(new RulingRecorded("O-9", "D-9", "R-A", T), 42, "O-9", 7));
        DisputeView expected = DisputeView.PROJECTOR.fold("D-9", stored);
        // as the projection wrote it before: no global index, and the recording ingested ahead of the ruling
        ObjectNode before = Fixtures.CODEC.mapper().valueToTree(expected);
        List<ObjectNode> entries = new ArrayList<>();
        before.withArray("timeline").forEach(entry -> entries.add(((ObjectNode) entry).without("globalIndex")));
        ArrayNode arrivalOrder = before.putArray("timeline");
        arrivalOrder.add(entries.get(0)).add(entries.get(2)).add(entries.get(1));

        PostgresServer pg = TestInfrastructure.postgres();
        // as the migration owner, which owns the tables in a deployment; the grants name the application role
        DriverManagerDataSource database = new DriverManagerDataSource(
                pg.jdbcUrl(pg.freshDatabase("dispute_migration")), pg.roles().migrationUser(), pg.roles().migrationPassword());
        Map<String, String> placeholders = Map.of("app-role", pg.roles().appUser());
        Flyway.configure().dataSource(database).placeholders(placeholders).target("12").load().migrate();
        JdbcClient jdbc = JdbcClient.create(database);
        stored.forEach(step -> insertIntoEventLog(jdbc, step));
        jdbc.sql("""
                        INSERT INTO dispute_view (dispute_id, type, status, level, opportunity_id, opened_at,
                                                  updated_at, last_event_id, document)
                        VALUES ('D-9', 'SUPPORT_OVERRIDE', 'CLOSED', 1, 'O-9', :at, :at, :last, CAST(:doc AS jsonb))""")
                .param("at", Timestamp.from(T)).param("last", expected.lastEventId())
                .param("doc", before.toString()).update();

        Flyway.configure().dataSource(database).placeholders(placeholders).load().migrate();

        String document = jdbc.sql("SELECT document::text FROM dispute_view WHERE dispute_id = 'D-9'")
                .query(String.class).single();
        DisputeView migrated = Fixtures.CODEC.mapper().readValue(document, DisputeView.class);
        assertThat(migrated.timeline()).extracting(DisputeView.TimelineEntry::kind)
                .containsExactly("OPENED", "RULED", "RULING_RECORDED");
        assertThat(migrated).isEqualTo(expected);
    }

    private static Projector.Step step(LeadLedgerEvent event, long globalIndex, String aggregateId, long sequence) {
        return new Projector.Step(event, new EventRef("ev-" + globalIndex, event.getClass().getSimpleName(),
                aggregateId, sequence, globalIndex, T, Fixtures.metadata("manager-1", "CHANNEL_MANAGER", null)));
    }

    private static void insertIntoEventLog(JdbcClient jdbc, Projector.Step step) {
        EventRef ref = step.ref();
        jdbc.sql("""
                        INSERT INTO event_log (event_id, global_index, aggregate_type, aggregate_id, sequence_number,
                                               event_type, occurred_at, payload, schema_version)
                        VALUES (:id, :index, 'Test', :aggregate, :sequence, :type, :at, CAST(:payload AS jsonb), 2)""")
                .param("id", ref.eventId()).param("index", ref.globalIndex()).param("aggregate", ref.aggregateId())
                .param("sequence", ref.sequenceNumber()).param("type", ref.eventType())
                .param("at", Timestamp.from(ref.timestamp()))
                .param("payload", Fixtures.CODEC.toTree(step.event()).toString()).update();
    }
}
