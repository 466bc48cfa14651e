package com.leadledger.query.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.leadledger.events.envelope.EventEnvelope;
import com.leadledger.events.registration.RegistrationSubmitted;
import com.leadledger.query.EnvelopeSeal;
import com.leadledger.query.Fixtures;
import com.leadledger.query.deadletter.DeadLetterMetrics;
import com.leadledger.query.ingest.PoisonRecordRecoverer;
import io.micrometer.core.instrument.Gauge;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fault 8: an event the projections cannot apply is parked in the dead-letter store (kept in event_log, counted,
 * visible to operators), the later events of its aggregate wait behind it unapplied while other aggregates go on,
 * and a retry once the cause is fixed applies everything in order, exactly once.
 */
class DeadLetterIT extends QueryServiceITBase {

    static final String ADMIN = token("ADMIN");
    static final String MANAGER = token("CHANNEL_MANAGER");
    static final String DEAD_LETTERS = "/api/v1/admin/dead-letters";
    static final List<String> NOT_ADMIN = List.of("CHANNEL_MANAGER", "CHANNEL_DIRECTOR", "ARBITRATION_COMMITTEE",
            "AUDITOR");

    @Test
    void anEventAProjectionCannotApplyIsParkedItsAggregateWaitsOthersFlowAndARetryAppliesEverythingOnce() {
        String poisoned = uniquePartner("poisoned");
        // The view's schema refuses the row this event makes: the same failure on every attempt, not a passing one.
        String constraint = refuseRegistrationsOf(poisoned);
        try {
            double parkedBefore = counter(DeadLetterMetrics.PARKED_COUNTER, "reason", "projection");
            Fixtures.OpportunityStream stream = new Fixtures.OpportunityStream("NETWORK_SECURITY");
            stream.opened();
            RegistrationSubmitted first = stream.submit(poisoned);
            EventEnvelope poison = stream.last();
            RegistrationSubmitted second = stream.submit(uniquePartner("second"));
            stream.withdraw(second, "customer postponed the project");
            Fixtures.OpportunityStream other = new Fixtures.OpportunityStream("COLLABORATION");
            other.opened();
            RegistrationSubmitted elsewhere = other.submit(uniquePartner("elsewhere"));

            publish(stream.envelopes());
            publish(other.envelopes());

            awaitRegistration(elsewhere.registrationId(), MANAGER);
            JsonNode line = awaitJson(DEAD_LETTERS + "?aggregateId=" + stream.opportunityId(), ADMIN,
                    body -> body.get("total").asLong() == 3);
            JsonNode parked = line.get("items").get(0);
            long parkedId = parked.get("id").asLong();
            assertThat(parked.get("status").asText()).isEqualTo("PARKED");
            assertThat(parked.get("reason").asText()).isEqualTo("projection");
            assertThat(parked.get("eventId").asText()).isEqualTo(poison.eventId());
            assertThat(parked.get("eventType").asText()).isEqualTo("RegistrationSubmitted");
            assertThat(parked.get("sequenceNumber").asLong()).isEqualTo(1);
            assertThat(parked.get("inEventLog").asBoolean()).isTrue();
            assertThat(parked.get("attempts").asInt()).isEqualTo(1);
            assertThat(parked.get("error").get("message").asText()).contains(constraint);
            assertThat(parked.get("source").get("key").asText()).isEqualTo(stream.opportunityId());
            assertThat(parked.has("record")).as("only in the single-entry answer").isFalse();
            List<Long> queuedIds = new ArrayList<>();
            for (int i = 1; i <= 2; i++) {
                JsonNode queued = line.get("items").get(i);
                assertThat(queued.get("status").asText()).isEqualTo("QUEUED");
                assertThat(queued.get("eventId").asText()).isEqualTo(stream.envelopes().get(i + 1).eventId());
                queuedIds.add(queued.get("id").asLong());
            }
            assertThat(counter(DeadLetterMetrics.PARKED_COUNTER, "reason", "projection") - parkedBefore)
                    .isEqualTo(1);

            // The history is complete; the views of the aggregate stay where they were before the poison event.
            stream.envelopes().forEach(e -> assertThat(stored(e.eventId())).as(e.eventType()).isTrue());
            assertThat(http.get("/api/v1/registrations/" + first.registrationId(), MANAGER).status()).isEqualTo(404);
            assertThat(http.get("/api/v1/registrations/" + second.registrationId(), MANAGER).status())
                    .isEqualTo(404);
            assertThat(http.get("/api/v1/opportunities/" + stream.opportunityId(), MANAGER).status())
                    .isEqualTo(200);

            // Delivered again: nothing new is stored or parked. A later event of the aggregate joins the line.
            publish(poison);
            publish(stream.envelopes().get(2));
            stream.slaStarted(first, first.acceptedAt().plus(Duration.ofDays(2)));
            EventEnvelope sentinel = stream.last();
            publish(sentinel);
            line = awaitJson(DEAD_LETTERS + "?aggregateId=" + stream.opportunityId(), ADMIN,
                    body -> body.get("total").asLong() == 4);
            assertThat(line.get("items").get(3).get("eventId").asText()).isEqualTo(sentinel.eventId());
            assertThat(line.get("items").get(3).get("status").asText()).isEqualTo("QUEUED");
            queuedIds.add(line.get("items").get(3).get("id").asLong());

            // The gauge shows what is open in the store, also on the Prometheus endpoint.
            eventually().until(() -> gauge("parked") == openCount("PARKED") && gauge("queued") == openCount("QUEUED"));
            assertThat(openCount("PARKED", stream.opportunityId())).isEqualTo(1);
            assertThat(openCount("QUEUED", stream.opportunityId())).isEqualTo(3);
            assertThat(http.get("/actuator/prometheus", token("METRICS"), "text/plain").text())
                    .contains("leadledger_ingest_dead_letters{", "status=\"parked\"", "status=\"queued\"");

            // Operators see the record exactly as consumed.
            JsonNode detail = http.get(DEAD_LETTERS + "/" + parkedId, ADMIN).body();
            assertThat(detail.get("record").get("encoding").asText()).isEqualTo("utf-8");
            assertThat(Fixtures.CODEC.decode(detail.get("record").get("value").asText()
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8)).eventId()).isEqualTo(poison.eventId());

            // A queued event cannot jump the line; a retry before the cause is fixed fails and says why.
            Http.Response jump = http.post(DEAD_LETTERS + "/" + queuedIds.get(0) + "/retry", ADMIN, "");
            assertThat(jump.status()).isEqualTo(409);
            assertThat(jump.contentType()).startsWith("application/problem+json");
            assertThat(jump.body().get("code").asText()).isEqualTo("DEAD_LETTER_NOT_FIRST");
            assertThat(jump.body().get("firstId").asLong()).isEqualTo(parkedId);
            Http.Response early = http.post(DEAD_LETTERS + "/" + parkedId + "/retry", ADMIN, "");
            assertThat(early.status()).isEqualTo(409);
            assertThat(early.body().get("code").asText()).isEqualTo("DEAD_LETTER_RETRY_FAILED");
            assertThat(early.body().get("detail").asText()).contains(constraint);
            assertThat(http.get(DEAD_LETTERS + "/" + parkedId, ADMIN).body().get("attempts").asInt()).isEqualTo(2);
            assertThat(http.post(DEAD_LETTERS + "/" + parkedId + "/retry", MANAGER, "").status()).isEqualTo(403);

            superuser().sql("ALTER TABLE registration_view DROP CONSTRAINT " + constraint).update();

            String key = "retry-" + UUID.randomUUID();
            Http.Response retried = http.post(DEAD_LETTERS + "/" + parkedId + "/retry", ADMIN, "",
                    "Idempotency-Key", key);
            assertThat(retried.status()).as(retried.text()).isEqualTo(200);
            List<Long> applied = new ArrayList<>();
            retried.body().get("applied").forEach(id -> applied.add(id.asLong()));
            List<Long> expected = new ArrayList<>(List.of(parkedId));
            expected.addAll(queuedIds);
            assertThat(applied).as("the parked event, then its line in arrival order").isEqualTo(expected);
            assertThat(retried.body().get("parked").isNull()).isTrue();
            assertThat(retried.body().get("deadLetter").get("status").asText()).isEqualTo("RESOLVED");
            assertThat(retried.body().get("deadLetter").get("resolvedBy").asText()).isEqualTo("admin-1");
            assertThat(retried.body().get("deadLetter").get("resolution").asText()).isEqualTo("APPLIED");
            Http.Response replayed = http.post(DEAD_LETTERS + "/" + parkedId + "/retry", ADMIN, "",
                    "Idempotency-Key", key);
            assertThat(replayed.status()).isEqualTo(200);
            assertThat(replayed.header("Idempotent-Replayed")).isEqualTo("true");
            assertThat(replayed.body()).isEqualTo(retried.body());
            Http.Response again = http.post(DEAD_LETTERS + "/" + parkedId + "/retry", ADMIN, "");
            assertThat(again.status()).isEqualTo(409);
            assertThat(again.body().get("code").asText()).isEqualTo("DEAD_LETTER_RESOLVED");

            // Applied in order: the submission before the review clock that refers to it, the withdrawal last.
            JsonNode firstView = http.get("/api/v1/registrations/" + first.registrationId(), MANAGER).body();
            assertThat(firstView.get("status").asText()).isEqualTo("SUBMITTED");
            assertThat(firstView.get("position").asInt()).isEqualTo(1);
            assertThat(Instant.parse(firstView.get("reviewDueAt").asText()))
                    .isEqualTo(first.acceptedAt().plus(Duration.ofDays(2)));
            JsonNode secondView = http.get("/api/v1/registrations/" + second.registrationId(), MANAGER).body();
            assertThat(secondView.get("status").asText()).isEqualTo("WITHDRAWN");
            assertThat(secondView.get("position").asInt()).isEqualTo(2);

            // Every event exactly once in event_log and in the read model; the line is empty, the aggregate flows.
            assertExactlyOnce(stream);
            assertExactlyOnce(other);
            assertThat(jdbc.sql("SELECT count(*) FROM registration_view WHERE opportunity_id = :id")
                    .param("id", stream.opportunityId()).query(Long.class).single()).isEqualTo(2);
            assertThat(jdbc.sql("SELECT count(*) FROM dead_letter WHERE aggregate_id = :id AND status <> 'RESOLVED'")
                    .param("id", stream.opportunityId()).query(Long.class).single()).isZero();
            stream.withdraw(first, "lost the deal");
            publish(stream.last());
            eventually().until(() -> http.get("/api/v1/registrations/" + first.registrationId(), MANAGER).body()
                    .get("status").asText().equals("WITHDRAWN"));
            assertThat(jdbc.sql("SELECT count(*) FROM dead_letter WHERE aggregate_id = :id")
                    .param("id", stream.opportunityId()).query(Long.class).single()).isEqualTo(4);
        } finally {
            superuser().sql("ALTER TABLE registration_view DROP CONSTRAINT IF EXISTS " + constraint).update();
        }
    }

    @Test
    void anEventWhosePayloadDoesNotMatchItsTypeIsKeptInTheEventLogAndParkedAtOnce() {
        double payloadPoisonBefore = counter(PoisonRecordRecoverer.POISON_COUNTER, "reason", "payload");
        Fixtures.OpportunityStream stream = new Fixtures.OpportunityStream("DATA_CENTER");
        stream.opened();
        stream.submit(uniquePartner("unreadable"));
        RegistrationSubmitted later = stream.submit(uniquePartner("later"));
        // The command side published event #1 in a form this version cannot read.
        EventEnvelope original = stream.envelopes().get(1);
        EventEnvelope unreadable = EnvelopeSeal.sealed(new EventEnvelope(original.schemaVersion(),
                original.eventId(), original.eventType(), original.aggregateType(), original.aggregateId(),
                original.sequenceNumber(), original.globalIndex(), original.timestamp(), original.metadata(),
                Fixtures.CODEC.mapper().createObjectNode().put("position", "first!")));
        // Another aggregate's event that decodes but lacks what its type promises (checked inside the projection).
        Fixtures.OpportunityStream third = new Fixtures.OpportunityStream("CLOUD_SERVICES");
        EventEnvelope thirdOpened = third.opened();
        EventEnvelope incomplete = EnvelopeSeal.sealed(new EventEnvelope(thirdOpened.schemaVersion(),
                "incomplete-" + UUID.randomUUID(), "RegistrationSubmitted", thirdOpened.aggregateType(),
                thirdOpened.aggregateId(), 1, thirdOpened.globalIndex() + 1, thirdOpened.timestamp(),
                thirdOpened.metadata(),
                Fixtures.CODEC.mapper().createObjectNode().put("registrationId", "r-" + UUID.randomUUID())));

        // ... and chained event #2 to it, as it chains every event to the one before
        publish(List.of(stream.envelopes().get(0), unreadable, EnvelopeSeal.sealed(stream.envelopes().get(2))));
        publish(List.of(thirdOpened, incomplete));

        JsonNode line = awaitJson(DEAD_LETTERS + "?aggregateId=" + stream.opportunityId(), ADMIN,
                body -> body.get("total").asLong() == 2);
        JsonNode parked = line.get("items").get(0);
        assertThat(parked.get("status").asText()).isEqualTo("PARKED");
        assertThat(parked.get("reason").asText()).isEqualTo("payload");
        assertThat(parked.get("eventId").asText()).isEqualTo(unreadable.eventId());
        assertThat(parked.get("inEventLog").asBoolean()).isTrue();
        assertThat(line.get("items").get(1).get("status").asText()).isEqualTo("QUEUED");
        assertThat(stored(unreadable.eventId())).isTrue();
        assertThat(stored(stream.last().eventId())).isTrue();
        assertThat(http.get("/api/v1/registrations/" + later.registrationId(), MANAGER).status()).isEqualTo(404);

        JsonNode thirdLine = awaitJson(DEAD_LETTERS + "?aggregateId=" + third.opportunityId(), ADMIN,
                body -> body.get("total").asLong() == 1);
        assertThat(thirdLine.get("items").get(0).get("status").asText()).isEqualTo("PARKED");
        assertThat(thirdLine.get("items").get(0).get("reason").asText()).isEqualTo("payload");
        assertThat(stored(incomplete.eventId())).isTrue();
        assertThat(counter(PoisonRecordRecoverer.POISON_COUNTER, "reason", "payload") - payloadPoisonBefore)
                .isEqualTo(2);

        // Retrying cannot help until a version that reads it is deployed; the entry stays, with the reason.
        Http.Response retried = http.post(DEAD_LETTERS + "/" + parked.get("id").asLong() + "/retry", ADMIN, "");
        assertThat(retried.status()).isEqualTo(409);
        assertThat(retried.body().get("code").asText()).isEqualTo("DEAD_LETTER_RETRY_FAILED");
        assertThat(retried.body().get("attempts").asInt()).isEqualTo(2);
        assertThat(http.get("/api/v1/registrations/" + later.registrationId(), MANAGER).status()).isEqualTo(404);

        // An event is never discarded: its aggregate's views would miss it.
        Http.Response discard = http.post(DEAD_LETTERS + "/" + parked.get("id").asLong() + "/discard", ADMIN,
                "{\"reason\": \"cannot read it\"}");
        assertThat(discard.status()).isEqualTo(409);
        assertThat(discard.body().get("code").asText()).isEqualTo("DEAD_LETTER_IS_AN_EVENT");
        assertThat(http.get(DEAD_LETTERS + "/" + parked.get("id").asLong(), ADMIN).body().get("status").asText())
                .isEqualTo("PARKED");
    }

    @Test
    void aRecordThatIsNoEventCanBeDiscardedForAStatedReasonAndStaysOnRecord() {
        String key = "junk-" + UUID.randomUUID();
        publishRaw(key, "left over from a load test".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        eventually().until(() -> jdbc.sql("SELECT count(*) FROM dead_letter WHERE record_key = :key")
                .param("key", key).query(Long.class).single() == 1);
        long id = jdbc.sql("SELECT id FROM dead_letter WHERE record_key = :key").param("key", key)
                .query(Long.class).single();
        String discard = DEAD_LETTERS + "/" + id + "/discard";

        assertField(http.post(discard, ADMIN, "{}"), "reason");
        assertField(http.post(discard, ADMIN, "{\"reason\": \"  \"}"), "reason");
        assertField(http.post(discard, ADMIN, "{\"reason\": \"" + "x".repeat(501) + "\"}"), "reason");
        assertThat(http.post(discard, MANAGER, "{\"reason\": \"not mine to decide\"}").status()).isEqualTo(403);

        Http.Response discarded = http.post(discard, ADMIN, "{\"reason\": \"garbage from the load generator\"}");
        assertThat(discarded.status()).as(discarded.text()).isEqualTo(200);
        assertThat(discarded.body().get("status").asText()).isEqualTo("RESOLVED");
        assertThat(discarded.body().get("resolution").asText()).isEqualTo("DISCARDED");
        assertThat(discarded.body().get("resolutionNote").asText()).isEqualTo("garbage from the load generator");
        assertThat(discarded.body().get("resolvedBy").asText()).isEqualTo("admin-1");
        assertThat(http.post(discard, ADMIN, "{\"reason\": \"again\"}").body().get("code").asText())
                .isEqualTo("DEAD_LETTER_RESOLVED");
        assertThat(http.post(DEAD_LETTERS + "/" + id + "/retry", ADMIN, "").body().get("code").asText())
                .isEqualTo("DEAD_LETTER_RESOLVED");
        assertThat(http.get(DEAD_LETTERS + "/" + id, ADMIN).body().get("record").get("value").asText())
                .isEqualTo("left over from a load test");
    }

    @Test
    void theAdminEndpointsAreForAdminsAndRefuseBadInputWithProblemsNamingTheField() {
        assertField(http.get(DEAD_LETTERS + "/abc", ADMIN), "id");
        assertField(http.get(DEAD_LETTERS + "/-1", ADMIN), "id");
        assertField(http.post(DEAD_LETTERS + "/1x/retry", ADMIN, ""), "id");
        assertField(http.get(DEAD_LETTERS + "?status=LOST", ADMIN), "status");
        assertField(http.get(DEAD_LETTERS + "?size=0", ADMIN), "size");
        assertField(http.get(DEAD_LETTERS + "?aggregateId=" + "a".repeat(300), ADMIN), "aggregateId");
        Http.Response missing = http.get(DEAD_LETTERS + "/999999999999", ADMIN);
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.contentType()).startsWith("application/problem+json");
        assertThat(http.post(DEAD_LETTERS + "/999999999999/retry", ADMIN, "").status()).isEqualTo(404);
        assertThat(http.get(DEAD_LETTERS + "?status=PARKED&page=0&size=5", ADMIN).body().get("size").asInt())
                .isEqualTo(5);

        assertThat(http.get(DEAD_LETTERS, null).status()).isEqualTo(401);
        assertThat(http.post(DEAD_LETTERS + "/1/retry", null, "").status()).isEqualTo(401);
        for (String role : NOT_ADMIN) {
            assertThat(http.get(DEAD_LETTERS, token(role)).status()).as(role).isEqualTo(403);
            assertThat(http.get(DEAD_LETTERS + "/1", token(role)).status()).as(role).isEqualTo(403);
            assertThat(http.post(DEAD_LETTERS + "/1/retry", token(role), "").status()).as(role).isEqualTo(403);
        }
        String partner = partnerToken(uniquePartner("curious"));
        assertThat(http.get(DEAD_LETTERS, partner).status()).isEqualTo(403);
        assertThat(http.post(DEAD_LETTERS + "/1/retry", partner, "").status()).isEqualTo(403);
    }

    @Test
    void retriesGoThroughThePerCallerRateLimit() throws Exception {
        String admin = com.leadledger.localruntime.DevTokens.mint("admin-" + UUID.randomUUID(), List.of("ADMIN"), null);
        List<Http.Response> answers = new ArrayList<>();
        var pool = java.util.concurrent.Executors.newFixedThreadPool(16);
        try {
            List<java.util.concurrent.Future<Http.Response>> pending = new ArrayList<>();
            for (int i = 0; i < 400; i++) {
                pending.add(pool.submit(() -> http.post(DEAD_LETTERS + "/999999999999/retry", admin, "")));
            }
            for (var answer : pending) {
                answers.add(answer.get());
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(answers).extracting(Http.Response::status).containsOnly(404, 429);
        Http.Response limited = answers.stream().filter(a -> a.status() == 429).findFirst().orElseThrow(
                () -> new AssertionError("no request was refused once the burst was spent"));
        assertThat(limited.contentType()).startsWith("application/problem+json");
        // one token short, at the default 50 writes per second: back within the next second
        assertThat(limited.header("Retry-After")).isEqualTo("1");
        assertThat(limited.body().get("code").asText()).isEqualTo("RATE_LIMITED");
        assertThat(http.get(DEAD_LETTERS + "?size=1", admin).status()).as("reads have their own budget").isEqualTo(200);
    }

    void assertField(Http.Response answer, String field) {
        assertThat(answer.status()).as(answer.text()).isEqualTo(400);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.body().get("errors").get(0).get("field").asText()).isEqualTo(field);
        assertThat(answer.body().get("errors").get(0).get("rule").asText()).isEqualTo("INVALID");
    }

    void assertExactlyOnce(Fixtures.OpportunityStream stream) {
        for (EventEnvelope e : stream.envelopes()) {
            assertThat(jdbc.sql("SELECT count(*) FROM event_log WHERE event_id = :id").param("id", e.eventId())
                    .query(Long.class).single()).as(e.eventType() + " " + e.eventId()).isEqualTo(1);
        }
    }

    double gauge(String status) {
        Gauge gauge = meters.find(DeadLetterMetrics.GAUGE).tag("status", status).gauge();
        return gauge == null ? -1 : gauge.value();
    }

    long openCount(String status, String aggregateId) {
        return jdbc.sql("SELECT count(*) FROM dead_letter WHERE status = :status AND aggregate_id = :aggregateId")
                .param("status", status).param("aggregateId", aggregateId).query(Long.class).single();
    }

    long openCount(String status) {
        return jdbc.sql("SELECT count(*) FROM dead_letter WHERE status = :status").param("status", status)
                .query(Long.class).single();
    }
}
