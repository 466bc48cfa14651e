package com.leadledger.e2e.compat;

import com.fasterxml.jackson.databind.JsonNode;
import com.leadledger.e2e.IndependentProofs;
import com.leadledger.events.envelope.EventTypes;
import com.leadledger.integrity.history.JdbcHistoryVerifier;
import com.leadledger.testsupport.PostgresServer;
import com.leadledger.testsupport.TestInfrastructure;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Events stored by the released code keep being read by the current code. The command database a release wrote while
 * telling {@link StoredEventsStory} (dumped by {@link StoredEventsDumpGenerator}, with the answers both services gave
 * then) is loaded into a fresh database and checked intact (hash chains and checkpoints); the current command service
 * migrates it, serves it and relays every stored event to a fresh topic, decoding each with its own event serializer;
 * the current query service projects them all on a fresh database, parking none; every recorded answer must be given
 * again, member by member; and last the deadlines the release left pending run and add the events they added then.
 */
class StoredEventsCompatibilityIT {

    private static final StoredEventsExpectation expected = StoredEventsExpectation.read();
    private static final String dump = StoredEventsExpectation.dump();
    private static final PostgresServer postgres = TestInfrastructure.postgres();

    @Test
    void theReleasedHistoryStaysIntactAndReplaysIntoTheSameAnswers() throws Exception {
        String commandDb = postgres.freshDatabase("compat_command");
        try (Connection db = connectAsMigrationOwner(commandDb)) { // whose tables the release's migrations made
            CommandDatabase.load(db, dump);
            assertIntact(db, "as dumped");
            assertThat(CommandDatabase.eventTypes(db).keySet())
                    .as("event types in the dump that the current code no longer knows")
                    .allSatisfy(type -> assertThat(EventTypes.classFor(type)).as(type).isPresent());
            prepareForReplay(db);
        }
        try (ServicePair services = new ServicePair("stored-events-compat", commandDb, Map.of())) {
            services.startCommand();
            awaitZero("events not relayed yet", () -> services.commandCount("SELECT count(*) FROM relay_outbox"));
            try (Connection db = services.commandDb()) {
                assertIntact(db, "after the current command service migrated and served it");
            }
            assertTheReleasedCheckpointsAndReceiptsAreSignedAndProvable(services);

            services.startQuery();
            awaitZero("events not projected yet", () -> expected.events()
                    - services.queryCount("SELECT count(*) FROM event_log"));
            assertThat(services.queryCount("SELECT count(*) FROM dead_letter")).as("events parked").isZero();
            assertThat(services.queryCount("SELECT count(*) FROM event_log")).isEqualTo(expected.events());

            assertThat(differencesFromTheRecordedAnswers(services)).as("answers unlike those recorded when the "
                    + "history was written (" + expected.writtenBy() + "); members named by path, arrays by index")
                    .isEmpty();

            assertThat(StoredDeadlines.runAll(services)).as("events the stored deadlines added")
                    .isEqualTo(expected.deadlineEvents());
            try (Connection db = services.commandDb()) {
                JdbcHistoryVerifier.Report report = verify(db);
                assertThat(report.intact()).as("history after the deadlines ran: %s", report.describe()).isTrue();
            }
        }
    }

    @Test
    void oneChangedByteInOneStoredPayloadBreaksTheHashChain() throws Exception {
        String tampered = changeOnePayloadByte(dump);
        assertThat(tampered).isNotEqualTo(dump);
        try (Connection db = connect(postgres.freshDatabase("compat_tampered"))) {
            CommandDatabase.load(db, tampered);
            JdbcHistoryVerifier.Report report = verify(db);
            assertThat(report.intact()).isFalse();
            assertThat(report.describe()).contains("HASH_MISMATCH");
        }
    }

    /**
     * What replaying a stored history to a new topic takes, and what keeps the outcome independent of the day the test
     * runs: every stored event is queued for the relay again (as migration V14 did for the events stored before it),
     * and each pending deadline is moved by the time passed since the dump, so that it is as far ahead as it was then
     * (otherwise review SLAs, protection ends and dispute SLAs fall due as the dump ages, and add events). Neither
     * touches an event, a hash or a checkpoint.
     */
    private static void prepareForReplay(Connection db) throws SQLException {
        try (Statement requeue = db.createStatement()) {
            requeue.executeUpdate("INSERT INTO relay_outbox (global_index) SELECT globalindex FROM domainevententry");
        }
        try (PreparedStatement shift = db.prepareStatement("""
                UPDATE scheduled_tasks SET execution_time = execution_time + (now() - ?)
                WHERE NOT picked AND now() > ?""")) {
            var dumpedAt = Instant.parse(expected.dumpedAt()).atOffset(ZoneOffset.UTC);
            shift.setObject(1, dumpedAt);
            shift.setObject(2, dumpedAt);
            shift.executeUpdate();
        }
    }

    /**
     * The checkpoints the release sealed (before tree heads existed) get their signed tree heads when the current
     * command service starts, without changing what they recorded (checked intact above); proofs and a sealed receipt
     * for a registration the release accepted verify with an implementation independent of the services' code.
     */
    private static void assertTheReleasedCheckpointsAndReceiptsAreSignedAndProvable(ServicePair services)
            throws Exception {
        String auditor = Callers.token(Callers.AUDITOR);
        AtomicReference<JsonNode> checkpoints = new AtomicReference<>();
        await("the released checkpoints signed").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                .until(() -> {
                    checkpoints.set(services.commandApi().get("/api/v1/audit/checkpoints?size=200", auditor).body()
                            .get("items"));
                    return !checkpoints.get().isEmpty() && checkpoints.get().findValues("signature").stream()
                            .noneMatch(JsonNode::isNull);
                });
        JsonNode keys = services.commandApi().get("/api/v1/audit/keys", null).body();
        for (JsonNode checkpoint : checkpoints.get()) {
            assertThat(IndependentProofs.signatureHolds(checkpoint, keys)).as("checkpoint %s", checkpoint).isTrue();
        }
        long last = checkpoints.get().get(checkpoints.get().size() - 1).get("number").asLong();
        JsonNode consistency = services.commandApi().get("/api/v1/audit/checkpoints/consistency?from=1&to=" + last,
                auditor).body();
        assertThat(IndependentProofs.consistencyHolds(consistency)).as(consistency.toString()).isTrue();

        String registrationId;
        String eventHash;
        try (Connection db = services.commandDb(); Statement sql = db.createStatement();
             ResultSet row = sql.executeQuery("SELECT l.registration_id, encode(e.event_hash, 'hex') "
                     + "FROM registration_lookup l JOIN domainevententry e ON e.eventidentifier = l.event_id "
                     + "ORDER BY e.globalindex LIMIT 1")) {
            assertThat(row.next()).as("a registration in the released history").isTrue();
            registrationId = row.getString(1);
            eventHash = row.getString(2);
        }
        JsonNode sealed = services.commandApi().get("/api/v1/registrations/" + registrationId + "/receipt/sealed",
                auditor).body();
        assertThat(sealed.at("/receipt/eventHash").asText()).isEqualTo(eventHash);
        assertThat(IndependentProofs.receiptHolds(sealed.get("receipt"), keys)).isTrue();
        assertThat(IndependentProofs.signatureHolds(sealed.at("/inclusion/checkpoint"), keys)).isTrue();
        assertThat(IndependentProofs.inclusionHolds(sealed.get("inclusion"))).as(sealed.toString()).isTrue();
    }

    /** Each recorded answer that the services now give otherwise (or refuse), with its differences. */
    private static List<String> differencesFromTheRecordedAnswers(ServicePair services) {
        List<String> differences = new ArrayList<>();
        for (Answer answer : expected.answers()) {
            try {
                ReadModels.differences(ContractChanges.current(answer.request(), answer.body()),
                                ReadModels.read(services, answer.request()).body())
                        .ifPresent(difference -> differences.add(answer.request() + ":\n" + difference));
            } catch (IllegalStateException refused) {
                differences.add(refused.getMessage());
            }
        }
        return differences;
    }

    /** The hash chains and checkpoints are intact and hold exactly the dumped events. */
    private static void assertIntact(Connection db, String when) throws SQLException {
        JdbcHistoryVerifier.Report report = verify(db);
        assertThat(report.intact()).as("history %s: %s", when, report.describe()).isTrue();
        assertThat(report.events()).as("events %s", when).isEqualTo(expected.events());
        assertThat(report.checkpoints()).as("checkpoints re-computed %s", when).isPositive();
    }

    private static JdbcHistoryVerifier.Report verify(Connection db) throws SQLException {
        return JdbcHistoryVerifier.verify(db, "domainevententry", "stream_head", "chain_checkpoint", null, null);
    }

    /**
     * The dump with version 1 of the policy rewritten in its stored event: a review SLA of 3 business days instead of
     * 2, one byte of the payload (readable in the script: pg_dump wrote bytea in escape form).
     */
    private static String changeOnePayloadByte(String script) {
        String original = "\"reviewSlaBusinessDays\":2";
        List<String> lines = new ArrayList<>(script.lines().toList());
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith("INSERT INTO public.domainevententry ") && lines.get(i).contains(original)) {
                lines.set(i, lines.get(i).replace(original, "\"reviewSlaBusinessDays\":3"));
                return String.join("\n", lines) + "\n";
            }
        }
        throw new IllegalStateException("the dump holds no stored policy version 1 with a review SLA of 2 days");
    }

    private static Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(postgres.jdbcUrl(database), postgres.username(), postgres.password());
    }

    private static Connection connectAsMigrationOwner(String database) throws SQLException {
        return DriverManager.getConnection(postgres.jdbcUrl(database), postgres.roles().migrationUser(),
                postgres.roles().migrationPassword());
    }

    private static void awaitZero(String what, Callable<Long> count) {
        await(what).atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(250)).until(count, n -> n == 0);
    }
}
