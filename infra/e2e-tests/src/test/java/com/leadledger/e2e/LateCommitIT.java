package com.leadledger.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.leadledger.events.envelope.EventEnvelope;
import com.leadledger.localruntime.ServiceProcess;
import com.leadledger.testsupport.HttpApi;
import com.leadledger.testsupport.Inns;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import static com.leadledger.e2e.LeadLedgerSystem.partnerToken;
import static com.leadledger.e2e.LeadLedgerSystem.staffToken;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A write transaction that takes its global index early and commits late — long after events with higher indexes were
 * published and projected, and longer than any gap timeout. Its event must still be published and projected: the relay
 * follows {@code relay_outbox}, which a late commit fills when it commits, not the global index, whose gaps a tracking
 * processor skips for good once they are older than its gap timeout (Axon's default: 60 s).
 * <p>
 * The relay has no gap timeout to configure; the test holds the transaction three times {@link #GAP_TIMEOUT}, the
 * timeout a relay that skips gaps would be given here. The command side's own horizon, the checkpoint writer's
 * {@code leadledger.checkpoints.lock-timeout}, is set short, and the checkpoint over the late event must count it as an
 * event, not seal its index as a gap. The late insert is held from outside the service: a transaction of the test locks
 * the opportunity's {@code stream_head} row, so the event-store trigger of the next insert on that stream waits.
 */
class LateCommitIT {

    static final Duration GAP_TIMEOUT = Duration.ofSeconds(5);
    static final Duration HELD = GAP_TIMEOUT.multipliedBy(3);
    static final Duration CHECKPOINT_LOCK_TIMEOUT = Duration.ofMillis(500);
    static final Duration PATIENCE = Duration.ofSeconds(60);
    static final String MANAGER = staffToken("CHANNEL_MANAGER");
    static final String FIRST = "P-1001";
    static final String LATE = "P-1002";
    static final String OTHER = "P-1003";

    static SeparateDeployment deployment;
    static HttpApi commandApi;
    static HttpApi queryApi;

    @BeforeAll
    static void start() {
        deployment = new SeparateDeployment("late-commit");
        ServiceProcess command = deployment.commandInstance("command-service",
                "-Dleadledger.checkpoints.lock-timeout=" + CHECKPOINT_LOCK_TIMEOUT.toMillis() + "ms");
        ServiceProcess query = deployment.queryInstance("query-service", command);
        CompletableFuture.allOf(CompletableFuture.runAsync(command::start), CompletableFuture.runAsync(query::start))
                .join();
        commandApi = new HttpApi(command.baseUrl());
        queryApi = new HttpApi(query.baseUrl());
    }

    @AfterAll
    static void stop() {
        deployment.close();
    }

    @Test
    void anEventCommittedLongAfterLaterOnesWerePublishedAndPastTheGapTimeoutIsPublishedAndProjected()
            throws Exception {
        String inn = Inns.random();
        JsonNode first = submit(FIRST, inn);
        String opportunity = first.get("opportunityId").asText();
        awaitQuery("/api/v1/registrations/" + id(first), partnerToken(FIRST), r -> true);

        try (Connection held = deployment.commandDb(); Connection observer = deployment.commandDb()) {
            holdStreamHead(held, opportunity);
            CompletableFuture<JsonNode> late = CompletableFuture.supplyAsync(() -> submit(LATE, inn));
            await("the late registration's insert waits in the event-store trigger").atMost(PATIENCE)
                    .until(() -> blockedEventInserts(observer) == 1);

            // meanwhile another registration commits with a higher global index, is published and projected
            EventEnvelope before = publishedAndProjected(submit(OTHER, Inns.random()));

            // the late transaction stays open (its insert blocked, no answer) for three gap timeouts
            await("the late insert stays blocked for " + HELD).during(HELD).atMost(HELD.plus(PATIENCE))
                    .until(() -> blockedEventInserts(observer) == 1 && !late.isDone());
            // a registration after the gap timeout: a relay that skips gaps would have moved past the held index now
            EventEnvelope after = publishedAndProjected(submit(OTHER, Inns.random()));
            long sealedWhileHeld = lastSealedIndex(observer);

            held.rollback(); // lets the late insert go on: its transaction commits now
            JsonNode lateAnswer = late.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
            EventEnvelope lateEnvelope = deployment.awaitEnvelope(submissionOf(lateAnswer), PATIENCE);

            assertThat(lateAnswer.get("opportunityId").asText()).isEqualTo(opportunity);
            assertThat(lateEnvelope.aggregateId()).isEqualTo(opportunity);
            assertThat(lateEnvelope.globalIndex()).as("the late event's index was taken before the others'")
                    .isLessThan(before.globalIndex()).isLessThan(after.globalIndex());
            assertThat(sealedWhileHeld).as("no checkpoint sealed past the index held in flight")
                    .isLessThan(lateEnvelope.globalIndex());

            // projected: the late registration is readable, and its opportunity ranks it second
            awaitQuery("/api/v1/registrations/" + id(lateAnswer), partnerToken(LATE),
                    r -> "SUBMITTED".equals(r.path("status").asText()));
            JsonNode ranking = awaitQuery("/api/v1/opportunities/" + opportunity, MANAGER,
                    o -> o.get("ranking").size() == 2).get("ranking");
            assertThat(ranking.findValuesAsText("registrationId")).containsExactly(id(first), id(lateAnswer));
            assertThat(ranking.findValuesAsText("position")).containsExactly("1", "2");

            // the checkpoint over the late index counts the late event and records no gap
            await("a checkpoint over the late event").atMost(PATIENCE)
                    .until(() -> lastSealedIndex(observer) >= lateEnvelope.globalIndex());
            assertThat(gapsOfCheckpointOver(observer, lateEnvelope.globalIndex())).isEmpty();
        }
    }

    static JsonNode submit(String partner, String inn) {
        HttpApi.Answer answer = commandApi.post("/api/v1/registrations", partnerToken(partner), """
                {"customer": {"legalName": "Late Commit %s", "country": "RU", "taxId": "%s"},
                 "productLine": "NETWORK_SECURITY", "estimatedValue": {"amount": "750000", "currency": "RUB"},
                 "expectedCloseDate": "%s"}""".formatted(inn, inn, LocalDate.now().plusDays(30)));
        assertThat(answer.status()).as(answer.raw()).isEqualTo(201);
        return answer.body();
    }

    /** Waits until the registration's submission is on the topic and readable through the query service. */
    static EventEnvelope publishedAndProjected(JsonNode answer) {
        EventEnvelope envelope = deployment.awaitEnvelope(submissionOf(answer), PATIENCE);
        awaitQuery("/api/v1/registrations/" + id(answer), MANAGER, r -> true);
        return envelope;
    }

    static JsonNode awaitQuery(String path, String token, Predicate<JsonNode> condition) {
        JsonNode[] last = new JsonNode[1];
        await("GET " + path).atMost(PATIENCE).pollInterval(Duration.ofMillis(200)).until(() -> {
            HttpApi.Answer answer = queryApi.get(path, token);
            last[0] = answer.body();
            return answer.status() == 200 && condition.test(answer.body());
        });
        return last[0];
    }

    /** Locks the stream's head row in an open transaction of the test: the next insert on the stream waits for it. */
    static void holdStreamHead(Connection held, String aggregateId) throws SQLException {
        held.setAutoCommit(false);
        try (PreparedStatement lock = held.prepareStatement(
                "SELECT 1 FROM stream_head WHERE aggregateidentifier = ? FOR UPDATE")) {
            lock.setString(1, aggregateId);
            try (ResultSet rs = lock.executeQuery()) {
                assertThat(rs.next()).as("stream head of " + aggregateId).isTrue();
            }
        }
    }

    /** Event-store inserts of the service waiting for a lock. */
    static int blockedEventInserts(Connection observer) throws SQLException {
        try (ResultSet rs = observer.createStatement().executeQuery("""
                SELECT count(DISTINCT l.pid) FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
                WHERE NOT l.granted AND a.datname = current_database()
                  AND a.query ILIKE '%insert into domainevententry%'""")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    static long lastSealedIndex(Connection observer) throws SQLException {
        try (ResultSet rs = observer.createStatement().executeQuery(
                "SELECT coalesce(max(last_index), 0) FROM chain_checkpoint")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static List<Long> gapsOfCheckpointOver(Connection observer, long globalIndex) throws SQLException {
        try (PreparedStatement query = observer.prepareStatement(
                "SELECT gaps FROM chain_checkpoint WHERE ? BETWEEN first_index AND last_index")) {
            query.setLong(1, globalIndex);
            try (ResultSet rs = query.executeQuery()) {
                assertThat(rs.next()).as("a checkpoint over " + globalIndex).isTrue();
                Array gaps = rs.getArray(1);
                return Arrays.asList((Long[]) gaps.getArray());
            }
        }
    }

    static String id(JsonNode answer) {
        return answer.get("registrationId").asText();
    }

    static Predicate<EventEnvelope> submissionOf(JsonNode answer) {
        String registrationId = id(answer);
        return e -> e.eventType().equals("RegistrationSubmitted")
                && registrationId.equals(e.payload().path("registrationId").asText());
    }
}
