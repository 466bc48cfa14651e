package com.leadledger.e2e.compat;

import com.leadledger.events.envelope.EventTypes;
import com.leadledger.localruntime.ProjectPaths;
import com.leadledger.testsupport.PostgresServer;
import com.leadledger.testsupport.TestInfrastructure;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import static org.awaitility.Awaitility.await;

/**
 * Writes the resources of {@link StoredEventsCompatibilityIT} from the code of this checkout: runs both services on a
 * fresh database, tells {@link StoredEventsStory}, waits until everything is relayed, projected, checkpointed and no
 * deadline is due, reads the expected answers, dumps the command database with pg_dump, and last runs the pending
 * deadlines to record the events they add.
 * Run by hand, never by {@code ./mvnw verify}, and only on a release that is deployed somewhere (docs/operations.md,
 * Tests):
 * <pre>./mvnw -B -Pstored-events-dump -pl infra/e2e-tests -am -DskipTests verify</pre>
 */
public final class StoredEventsDumpGenerator {

    private StoredEventsDumpGenerator() {
    }

    public static void main(String[] args) {
        int exitCode = 1;
        try {
            generate();
            exitCode = 0;
        } catch (Exception | AssertionError e) {
            e.printStackTrace();
        }
        System.exit(exitCode); // also stops the embedded PostgreSQL and Kafka (shutdown hooks)
    }

    private static void generate() throws Exception {
        PostgresServer postgres = TestInfrastructure.postgres();
        String commandDb = postgres.freshDatabase("stored_events_command");
        try (ServicePair services = new ServicePair("stored-events-dump", commandDb, Map.of(
                "LEADLEDGER_CHECKPOINT_INTERVAL", "1s", "LEADLEDGER_DEADLINE_POLL_INTERVAL", "1s"))) {
            services.startCommand().startQuery();
            StoredEventsStory.Told story = new StoredEventsStory(services).tell();
            awaitQuiet(services);
            Map<String, Long> eventTypes;
            try (Connection db = services.commandDb()) {
                eventTypes = CommandDatabase.eventTypes(db);
            }
            requireEveryEventType(eventTypes);
            List<Answer> answers = ReadModelRequests.of(story).stream()
                    .map(request -> ReadModels.read(services, request)).toList();
            String dump = CommandDatabase.take(postgres, commandDb); // one consistent snapshot of the idle database
            String dumpedAt = Instant.now().toString();
            Map<String, Long> deadlineEvents = StoredDeadlines.runAll(services);
            long events = eventTypes.values().stream().mapToLong(Long::longValue).sum();
            StoredEventsExpectation expectation = new StoredEventsExpectation(commit(), dumpedAt,
                    story.asOf().toString(), events, eventTypes, deadlineEvents, answers);
            expectation.write(dump);
            System.out.printf("wrote %d events of %d types, %d answers and the events of the pending deadlines %s "
                            + "(%s) into %s and %s%n", events, eventTypes.size(), answers.size(), deadlineEvents,
                    expectation.writtenBy(), StoredEventsExpectation.DUMP, StoredEventsExpectation.EXPECTED);
        }
    }

    /** Everything relayed and projected, checkpointed, no deadline due or running, nothing parked. */
    private static void awaitQuiet(ServicePair services) {
        awaitZero(() -> services.commandCount("SELECT count(*) FROM relay_outbox"));
        awaitZero(() -> services.commandCount("SELECT count(*) FROM domainevententry")
                - services.queryCount("SELECT count(*) FROM event_log"));
        awaitZero(() -> services.commandCount(
                "SELECT count(*) FROM scheduled_tasks WHERE picked OR execution_time <= now()"));
        awaitZero(() -> services.commandCount("SELECT (SELECT coalesce(max(globalindex), 0) FROM domainevententry)"
                + " - (SELECT coalesce(max(last_index), 0) FROM chain_checkpoint)"));
        awaitZero(() -> services.queryCount("SELECT count(*) FROM dead_letter"));
    }

    private static void awaitZero(Callable<Long> count) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).until(count, n -> n == 0);
    }

    /** The public API reaches every registered event type; the story must store each at least once. */
    private static void requireEveryEventType(Map<String, Long> stored) {
        List<String> missing = EventTypes.all().stream().map(EventTypes::nameOf)
                .filter(name -> !stored.containsKey(name)).toList();
        if (!missing.isEmpty()) {
            throw new IllegalStateException("the story stored no event of the types " + missing);
        }
    }

    /** The checked-out commit ({@code git describe --always --dirty}), or "unknown" without git. */
    private static String commit() throws InterruptedException {
        try {
            Process git = new ProcessBuilder("git", "describe", "--always", "--dirty")
                    .directory(ProjectPaths.root().toFile()).redirectErrorStream(true).start();
            String out = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            return git.waitFor() == 0 ? out : "unknown";
        } catch (IOException noGit) {
            return "unknown";
        }
    }
}
