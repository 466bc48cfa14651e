package com.leadledger.e2e.compat;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

import static org.awaitility.Awaitility.await;

/**
 * The deadlines pending in the command database (review SLAs, protection ends, dispute SLAs, each with its payload
 * stored by the event serializer), run at once. A deadline whose payload type cannot be resolved is dropped by Axon
 * without a trace, so what they did is told by the events they added, not by the absence of failures alone.
 */
final class StoredDeadlines {

    private static final String DEADLINES = "FROM scheduled_tasks WHERE task_name = 'AxonDeadline'";

    private StoredDeadlines() {
    }

    /**
     * Brings every pending deadline due and waits until each has run (the ones they schedule in turn lie ahead);
     * fails if one failed.
     *
     * @return the events they added, per type
     */
    static Map<String, Long> runAll(ServicePair services) throws SQLException {
        Map<String, Long> before;
        try (Connection db = services.commandDb(); Statement bringDue = db.createStatement()) {
            before = CommandDatabase.eventTypes(db);
            if (bringDue.executeUpdate("UPDATE scheduled_tasks SET execution_time = now() "
                    + "WHERE task_name = 'AxonDeadline'") == 0) {
                throw new IllegalStateException("no deadline is pending");
            }
        }
        await("deadlines run").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).until(
                () -> services.commandCount("SELECT count(*) " + DEADLINES + " AND execution_time <= now()"),
                due -> due == 0);
        long failed = services.commandCount("SELECT count(*) " + DEADLINES + " AND last_failure IS NOT NULL");
        if (failed > 0) {
            throw new IllegalStateException(failed + " deadline(s) failed; see the command service's log");
        }
        Map<String, Long> added = new TreeMap<>();
        try (Connection db = services.commandDb()) {
            CommandDatabase.eventTypes(db).forEach((type, count) -> {
                long more = count - before.getOrDefault(type, 0L);
                if (more > 0) {
                    added.put(type, more);
                }
            });
        }
        return added;
    }
}
