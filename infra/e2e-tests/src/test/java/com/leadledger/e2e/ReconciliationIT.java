package com.leadledger.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.leadledger.testsupport.Inns;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

import static com.leadledger.e2e.WalkingSkeletonIT.AUDITOR;
import static com.leadledger.e2e.WalkingSkeletonIT.awaitRegistration;
import static com.leadledger.e2e.WalkingSkeletonIT.submit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The query side's copy of the log reconciled with the command side's event store through the running processes:
 * checkpoints sealed on their schedule, compared over HTTP, reported by the endpoint and the metric; an event removed
 * from the copy by its database owner is reported as divergence naming its global index.
 */
class ReconciliationIT {

    static final LeadLedgerSystem system = LeadLedgerSystem.get();

    static JsonNode awaitReconciliation(String state) {
        return awaitReconciliation(state, report -> true);
    }

    /** The first fresh report in {@code state} that also satisfies the condition (retried while events arrive). */
    static JsonNode awaitReconciliation(String state, ThrowingPredicate condition) {
        AtomicReference<JsonNode> last = new AtomicReference<>();
        await().atMost(LeadLedgerSystem.RECONCILIATION_GRACE.plusSeconds(60)).pollInterval(Duration.ofMillis(500))
                .alias("reconciliation state " + state).until(() -> {
                    var answer = system.queryApi.get("/api/v1/audit/reconciliation?refresh=true", AUDITOR);
                    last.set(answer.body());
                    return answer.status() == 200 && state.equals(answer.body().get("state").asText())
                            && condition.test(answer.body());
                });
        return last.get();
    }

    interface ThrowingPredicate {
        boolean test(JsonNode report) throws Exception;
    }

    static String metric(String name) {
        String text = system.queryApi.get("/actuator/prometheus", LeadLedgerSystem.staffToken("METRICS")).raw();
        return text.lines().filter(line -> line.startsWith(name + " ") || line.startsWith(name + "{"))
                .findFirst().orElse("");
    }

    static long maxStoredGlobalIndex() throws Exception {
        try (Connection db = system.commandDb();
             ResultSet rs = db.createStatement().executeQuery("SELECT max(globalindex) FROM domainevententry")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void theCopyIsInSyncWithTheEventStoreAndARowRemovedFromItIsReportedAsDivergence() throws Exception {
        var submitted = submit(WalkingSkeletonIT.A, Inns.random());
        assertThat(submitted.status()).isEqualTo(201);
        String registrationId = submitted.text("registrationId");
        awaitRegistration(registrationId, AUDITOR);

        // both sides count every event of the store, and every checkpoint the command side published re-computes on
        // the copy (events and checkpoints may still be written meanwhile: a later report covers them)
        JsonNode inSync = awaitReconciliation("IN_SYNC", report -> {
            long stored = system.storedEvents();
            long checkpoints = system.commandApi.get("/api/v1/audit/checkpoints", AUDITOR).body().get("total").asLong();
            return report.at("/command/events").asLong() == stored && report.at("/copy/events").asLong() == stored
                    && report.at("/command/maxGlobalIndex").asLong() == maxStoredGlobalIndex()
                    && report.at("/checkpoints/checkpoints").asLong() == checkpoints
                    && report.at("/checkpoints/verified").asLong() == checkpoints;
        });
        assertThat(inSync.get("divergent").asBoolean()).isFalse();
        assertThat(inSync.at("/copy/maxGlobalIndex").asLong()).isEqualTo(inSync.at("/command/maxGlobalIndex").asLong());
        assertThat(inSync.at("/checkpoints/status").asText()).isEqualTo("VERIFIED");
        assertThat(inSync.get("inFlight").asLong()).isZero();
        assertThat(inSync.get("firstBreak").isNull()).isTrue();
        await().atMost(Duration.ofSeconds(10))
                .until(() -> metric("leadledger_reconciliation_divergent").endsWith(" 0.0"));
        var forbidden = system.queryApi.get("/api/v1/audit/reconciliation", WalkingSkeletonIT.MANAGER);
        assertThat(forbidden.status()).isEqualTo(403);
        assertThat(forbidden.text("code")).isEqualTo("FORBIDDEN");

        // the database owner removes the registration's event from the copy, bypassing the append-only trigger
        long globalIndex;
        try (Connection db = system.queryDb()) {
            try (ResultSet rs = db.createStatement().executeQuery("SELECT global_index FROM event_log WHERE "
                    + "event_type = 'RegistrationSubmitted' AND payload->>'registrationId' = '" + registrationId + "'")) {
                assertThat(rs.next()).isTrue();
                globalIndex = rs.getLong(1);
            }
            db.createStatement().execute("DROP TABLE IF EXISTS removed_event");
            db.createStatement().execute("CREATE TABLE removed_event AS SELECT * FROM event_log WHERE global_index = "
                    + globalIndex);
            db.createStatement().execute("ALTER TABLE event_log DISABLE TRIGGER USER");
            db.createStatement().execute("DELETE FROM event_log WHERE global_index = " + globalIndex);
        }
        try {
            JsonNode divergent = awaitReconciliation("DIVERGENT");
            assertThat(divergent.get("divergent").asBoolean()).isTrue();
            assertThat(divergent.at("/firstBreak/kind").asText()).isEqualTo("EVENT_MISSING");
            assertThat(divergent.at("/firstBreak/globalIndex").asLong()).isEqualTo(globalIndex);
            assertThat(divergent.get("detail").asText()).contains("at global index " + globalIndex);
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> metric("leadledger_reconciliation_divergent").endsWith(" 1.0"));

            JsonNode verified = system.queryApi.get("/api/v1/audit/verify", AUDITOR).body();
            assertThat(verified.get("intact").asBoolean()).isFalse();
            assertThat(verified.at("/checkpoints/status").asText()).isEqualTo("BROKEN");
            assertThat(verified.at("/checkpoints/firstBreak/globalIndex").asLong()).isEqualTo(globalIndex);
        } finally {
            try (Connection db = system.queryDb()) {
                db.createStatement().execute("INSERT INTO event_log SELECT * FROM removed_event");
                db.createStatement().execute("ALTER TABLE event_log ENABLE TRIGGER USER");
                db.createStatement().execute("DROP TABLE removed_event");
            }
        }
        awaitReconciliation("IN_SYNC");
    }
}
