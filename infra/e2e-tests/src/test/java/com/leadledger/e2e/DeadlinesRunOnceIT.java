package com.leadledger.e2e;

import com.leadledger.localruntime.ServiceProcess;
import com.leadledger.testsupport.HttpApi;
import com.leadledger.testsupport.Inns;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import static com.leadledger.e2e.LeadLedgerSystem.partnerToken;
import static com.leadledger.e2e.LeadLedgerSystem.staffToken;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Persistent deadlines — the review SLA, the protection expiry and the dispute SLA — run exactly once while two
 * command-service instances poll the same deadline store, also when one of them is stopped (SIGTERM) or killed
 * (SIGKILL) while its deadlines come due, and when none runs at the due time (they fire after a restart). Deadlines that
 * are days away are brought forward by moving their execution time in the store (what waiting would do), all at once
 * so that both instances find them due in the same polls; the deadline handlers run unchanged. Each deadline's effect
 * is counted in the event store per registration or dispute: exactly one escalation or expiry each, none for a
 * deadline that became stale, none more when the store hands a deadline out a second time (as it does when an instance
 * dies between the handler's commit and the deadline's completion).
 */
@Tag("drill")
class DeadlinesRunOnceIT {

    static final Duration PATIENCE = Duration.ofSeconds(90);
    static final String A = "P-1001";
    static final String B = "P-1002";
    static final String MANAGER = staffToken("CHANNEL_MANAGER");

    static SeparateDeployment deployment;
    static ServiceProcess one;
    static ServiceProcess two;

    /** Deadlines of one batch: who they concern. */
    record Batch(List<String> awaitingReview, List<String> approved, List<String> disputes) {
    }

    @BeforeAll
    static void start() {
        deployment = new SeparateDeployment("deadlines-once");
        one = deployment.commandInstance("command-1");
        two = deployment.commandInstance("command-2");
        one.start(); // the first instance alone creates the receipt key pair and seeds the demo partners
        two.start();
    }

    @AfterAll
    static void stop() {
        deployment.close();
    }

    @BeforeEach
    void bothInstancesRun() {
        for (ServiceProcess instance : List.of(one, two)) {
            if (!instance.isRunning()) {
                instance.start();
            }
        }
    }

    @Test
    void everyDueDeadlineFiresExactlyOnceWhileTwoInstancesPollTheSameStore() throws Exception {
        Batch batch = schedule(List.of(api(one), api(two)), 6);
        List<StoredTask> due = bringForward(batch);

        awaitExecuted(due);
        assertFiredOnce(batch);

        // the store hands every one of these deadlines out once more: nothing more happens
        List<StoredTask> again = deliverAgain(due);
        awaitExecuted(again);
        assertFiredOnce(batch);
    }

    @Test
    void deadlinesDueWhileAnInstanceIsStoppedOrKilledFireOnceByTheOtherOrAfterARestart() throws Exception {
        // SIGTERM: the other instance fires what came due meanwhile
        Batch stopped = schedule(List.of(api(one)), 2);
        one.stop();
        List<StoredTask> dueWhileStopped = bringForward(stopped);
        awaitExecuted(dueWhileStopped);
        assertFiredOnce(stopped);
        one.start();

        // SIGKILL: the same
        Batch killed = schedule(List.of(api(two)), 2);
        two.kill();
        List<StoredTask> dueWhileKilled = bringForward(killed);
        awaitExecuted(dueWhileKilled);
        assertFiredOnce(killed);

        // SIGKILL of the last instance: what came due while none ran fires after the restart
        Batch orphaned = schedule(List.of(api(one)), 2);
        one.kill();
        List<StoredTask> dueWhileDown = bringForward(orphaned);
        one.start();
        awaitExecuted(dueWhileDown);
        two.start();
        assertFiredOnce(orphaned);
        assertFiredOnce(stopped);
        assertFiredOnce(killed);
    }

    // ---------------------------------------------------------------- scheduling

    /**
     * Per kind {@code perKind} deadlines, the commands sent round robin to the given instances: registrations awaiting
     * review (review SLA), approved registrations (protection expiry; their review SLA is then stale) and disputes at
     * level 1 (dispute SLA).
     */
    static Batch schedule(List<HttpApi> instances, int perKind) {
        List<String> awaitingReview = new ArrayList<>();
        List<String> approved = new ArrayList<>();
        List<String> disputes = new ArrayList<>();
        IntStream.range(0, perKind).forEach(i -> {
            HttpApi api = instances.get(i % instances.size());
            awaitingReview.add(submit(api, A));
            String toApprove = submit(api, B);
            ok(api.post("/api/v1/registrations/" + toApprove + "/approve", MANAGER, "{\"discountPercent\": 5}"));
            approved.add(toApprove);
            HttpApi.Answer opened = api.post("/api/v1/disputes", partnerToken(A), """
                    {"type": "DUPLICATE_CLAIM", "registrationId": "%s",
                     "description": "Our ranking on this opportunity is wrong."}""".formatted(submit(api, A)));
            ok(opened);
            disputes.add(opened.text("disputeId"));
        });
        return new Batch(awaitingReview, approved, disputes);
    }

    static String submit(HttpApi api, String partner) {
        String inn = Inns.random();
        HttpApi.Answer answer = api.post("/api/v1/registrations", partnerToken(partner), """
                {"customer": {"legalName": "Deadline %s", "country": "RU", "taxId": "%s"},
                 "productLine": "NETWORK_SECURITY", "estimatedValue": {"amount": "750000", "currency": "RUB"},
                 "expectedCloseDate": "%s"}""".formatted(inn, inn, LocalDate.now().plusDays(60)));
        ok(answer);
        return answer.text("registrationId");
    }

    static void ok(HttpApi.Answer answer) {
        assertThat(answer.status()).as(answer.raw()).isBetween(200, 201);
    }

    static HttpApi api(ServiceProcess instance) {
        return new HttpApi(instance.baseUrl());
    }

    // ---------------------------------------------------------------- the deadline store

    /** A deadline as stored by db-scheduler. */
    record StoredTask(String name, String instance, byte[] data) {
    }

    /**
     * Brings every pending deadline of the batch forward to now, in one statement (they come due together): the
     * review SLA of the registrations awaiting review and of the approved ones (stale), their protection expiry and the
     * disputes' SLA. Returns them as stored.
     */
    static List<StoredTask> bringForward(Batch batch) throws SQLException {
        List<String> names = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        batch.awaitingReview().forEach(id -> { names.add("review-sla"); ids.add(id); });
        batch.approved().forEach(id -> { names.add("review-sla"); ids.add(id); });
        batch.approved().forEach(id -> { names.add("protection-expiry"); ids.add(id); });
        batch.disputes().forEach(id -> { names.add("dispute-sla"); ids.add(id); });
        try (Connection db = deployment.commandDb(); PreparedStatement update = db.prepareStatement("""
                UPDATE scheduled_tasks SET execution_time = now()
                WHERE task_name = 'AxonDeadline' AND NOT picked AND EXISTS (
                    SELECT 1 FROM unnest(?::text[], ?::text[]) AS wanted(deadline, id)
                    WHERE convert_from(task_data, 'UTF8') LIKE '%' || wanted.deadline || '%'
                      AND convert_from(task_data, 'UTF8') LIKE '%' || wanted.id || '%')
                RETURNING task_name, task_instance, task_data""")) {
            update.setArray(1, db.createArrayOf("text", names.toArray()));
            update.setArray(2, db.createArrayOf("text", ids.toArray()));
            List<StoredTask> due = new ArrayList<>();
            try (ResultSet rs = update.executeQuery()) {
                while (rs.next()) {
                    due.add(new StoredTask(rs.getString(1), rs.getString(2), rs.getBytes(3)));
                }
            }
            assertThat(due).as("one pending deadline of each kind per registration or dispute").hasSize(names.size());
            return due;
        }
    }

    /** Stores each deadline once more under a new instance id, due now: a second delivery of the same deadline. */
    static List<StoredTask> deliverAgain(List<StoredTask> tasks) throws SQLException {
        List<StoredTask> again = new ArrayList<>();
        try (Connection db = deployment.commandDb(); PreparedStatement insert = db.prepareStatement("""
                INSERT INTO scheduled_tasks (task_name, task_instance, task_data, execution_time, picked, version)
                VALUES (?, ?, ?, now(), false, 1)""")) {
            for (StoredTask task : tasks) {
                StoredTask copy = new StoredTask(task.name(), task.instance() + "-again", task.data());
                insert.setString(1, copy.name());
                insert.setString(2, copy.instance());
                insert.setBytes(3, copy.data());
                insert.addBatch();
                again.add(copy);
            }
            insert.executeBatch();
        }
        return again;
    }

    /** Waits until every one of the deadlines was executed and completed (db-scheduler deletes a one-time task then). */
    static void awaitExecuted(List<StoredTask> tasks) {
        await("deadlines executed").atMost(PATIENCE).pollInterval(Duration.ofMillis(250)).until(() -> {
            try (Connection db = deployment.commandDb(); PreparedStatement query = db.prepareStatement(
                    "SELECT count(*) FROM scheduled_tasks WHERE task_name = ? AND task_instance = ANY (?)")) {
                query.setString(1, "AxonDeadline");
                query.setArray(2, db.createArrayOf("text", tasks.stream().map(StoredTask::instance).toArray()));
                try (ResultSet rs = query.executeQuery()) {
                    rs.next();
                    return rs.getLong(1) == 0;
                }
            }
        });
    }

    // ---------------------------------------------------------------- the effects, counted in the event store

    static void assertFiredOnce(Batch batch) throws SQLException {
        for (String registration : batch.awaitingReview()) {
            assertThat(events("ReviewEscalated", "registrationId", registration))
                    .as("review SLA escalations of " + registration).isEqualTo(1);
        }
        for (String registration : batch.approved()) {
            assertThat(events("ReviewEscalated", "registrationId", registration))
                    .as("escalations of " + registration + ", approved before its review SLA").isZero();
            assertThat(events("RegistrationExpired", "registrationId", registration))
                    .as("expiries of " + registration).isEqualTo(1);
        }
        for (String dispute : batch.disputes()) {
            assertThat(events("DisputeEscalated", "disputeId", dispute))
                    .as("SLA escalations of dispute " + dispute).isEqualTo(1);
        }
    }

    /** Stored events of the type whose payload names the id in the field. */
    static long events(String eventType, String field, String id) throws SQLException {
        try (Connection db = deployment.commandDb(); PreparedStatement query = db.prepareStatement("""
                SELECT count(*) FROM domainevententry
                WHERE payloadtype LIKE ? AND convert_from(payload, 'UTF8')::jsonb ->> ? = ?""")) {
            query.setString(1, "%." + eventType);
            query.setString(2, field);
            query.setString(3, id);
            try (ResultSet rs = query.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
