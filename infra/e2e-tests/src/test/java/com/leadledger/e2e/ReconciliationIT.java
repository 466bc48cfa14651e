package com.leadledger.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.leadledger.testsupport.Inns;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

import static com.leadledger.e2e.WalkingSkeletonIT.AUDITOR;
import static com.leadledger.e2e.WalkingSkeletonIT.awaitRegistration;
import static com.leadledger.e2e.WalkingSkeletonIT.submit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The query side's copy of the log reconciled with the command side's event store through the running processes:
 * checkpoints sealed on their schedule, compared over HTTP, reported by the endpoint and the metric; the periodic
 * reconciliations between full ones read only what follows the last checkpoint verified; an event removed from the copy
 * by its database owner is reported as divergence naming its global index.
 */
class ReconciliationIT {

    static final LeadLedgerSystem system = LeadLedgerSystem.get();

    static JsonNode awaitReconciliation(String state) {
        return awaitReconciliation(state, report -> true);
    }

    /** The first fresh FULL report in {@code state} that also satisfies the condition (retried while events arrive). */
    static JsonNode awaitReconciliation(String state, ThrowingPredicate condition) {
        return awaitReport("/api/v1/audit/reconciliation?refresh=true", state, condition);
    }

    /** The first report of the periodic reconciliation (every 2 s here) in {@code state} that satisfies the condition. */
    static JsonNode awaitPeriodicReconciliation(String state, ThrowingPredicate condition) {
        return awaitReport("/api/v1/audit/reconciliation", state, condition);
    }

    private static JsonNode awaitReport(String path, String state, ThrowingPredicate condition) {
        AtomicReference<JsonNode> last = new AtomicReference<>();
        await().atMost(LeadLedgerSystem.RECONCILIATION_GRACE.plusSeconds(60)).pollInterval(Duration.ofMillis(500))
                .alias("reconciliation state " + state).until(() -> {
                    var answer = system.queryApi.get(path, AUDITOR);
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
            return checkpoints > 0
                    && report.at("/command/events").asLong() == stored && report.at("/copy/events").asLong() == stored
                    && report.at("/command/maxGlobalIndex").asLong() == maxStoredGlobalIndex()
                    && report.at("/checkpoints/checkpoints").asLong() == checkpoints
                    && report.at("/checkpoints/verified").asLong() == checkpoints;
        });
        assertThat(inSync.get("divergent").asBoolean()).isFalse();
        assertThat(inSync.get("scope").asText()).isEqualTo("FULL");
        assertThat(inSync.get("readAfter").asLong()).isZero();
        assertThat(inSync.at("/copy/maxGlobalIndex").asLong()).isEqualTo(inSync.at("/command/maxGlobalIndex").asLong());
        assertThat(inSync.at("/checkpoints/status").asText()).isEqualTo("VERIFIED");
        assertThat(inSync.get("inFlight").asLong()).isZero();
        assertThat(inSync.get("firstBreak").isNull()).isTrue();
        await().atMost(Duration.ofSeconds(10))
                .until(() -> metric("leadledger_reconciliation_divergent").endsWith(" 0.0"));

        // the periodic reconciliations after it read only what follows the last checkpoint verified, and still count
        // every event on both sides
        var next = submit(WalkingSkeletonIT.A, Inns.random());
        assertThat(next.status()).isEqualTo(201);
        String nextRegistrationId = next.text("registrationId");
        awaitRegistration(nextRegistrationId, AUDITOR);
        long verifiedBefore = inSync.at("/checkpoints/verified").asLong();
        JsonNode incremental = awaitPeriodicReconciliation("IN_SYNC", report -> {
            long stored = system.storedEvents();
            long checkpoints = system.commandApi.get("/api/v1/audit/checkpoints", AUDITOR).body().get("total").asLong();
            return "INCREMENTAL".equals(report.get("scope").asText())
                    && report.at("/checkpoints/verified").asLong() > verifiedBefore
                    && report.at("/command/events").asLong() == stored && report.at("/copy/events").asLong() == stored
                    && report.at("/checkpoints/verified").asLong() == checkpoints;
        });
        assertThat(incremental.get("readAfter").asLong()).isPositive();
        assertThat(incremental.at("/copy/maxGlobalIndex").asLong())
                .isEqualTo(incremental.at("/command/maxGlobalIndex").asLong());
        assertThat(incremental.at("/checkpoints/status").asText()).isEqualTo("VERIFIED");

        var forbidden = system.queryApi.get("/api/v1/audit/reconciliation", WalkingSkeletonIT.MANAGER);
        assertThat(forbidden.status()).isEqualTo(403);
        assertThat(forbidden.text("code")).isEqualTo("FORBIDDEN");

        // the database owner removes the second registration's event from the copy, bypassing the append-only
        // trigger: it is in a checkpoint after one the reconciliations verified, so the incremental ones resume there
        long globalIndex;
        try (Connection db = system.queryDb()) {
            try (ResultSet rs = db.createStatement().executeQuery("SELECT global_index FROM event_log WHERE "
                    + "event_type = 'RegistrationSubmitted' AND payload->>'registrationId' = '" + nextRegistrationId + "'")) {
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
            // the incremental ones after it resume before the break, so they keep finding it
            JsonNode stillDivergent = awaitPeriodicReconciliation("DIVERGENT",
                    report -> "INCREMENTAL".equals(report.get("scope").asText())
                            && Instant.parse(report.get("checkedAt").asText())
                            .isAfter(Instant.parse(divergent.get("checkedAt").asText())));
            assertThat(stillDivergent.get("readAfter").asLong()).isLessThan(globalIndex);
            assertThat(stillDivergent.at("/firstBreak/globalIndex").asLong()).isEqualTo(globalIndex);

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
