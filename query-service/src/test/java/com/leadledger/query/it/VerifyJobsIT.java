package com.leadledger.query.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.leadledger.localruntime.DevTokens;
import com.leadledger.query.Fixtures;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Verification of a large scope as a background job with progress; small scopes stay synchronous. A caller has one
 * verification of the whole copy at a time.
 */
class VerifyJobsIT extends QueryServiceITBase {

    static final String AUDITOR = token("AUDITOR");

    @Test
    void theWholeCopyIsVerifiedAsAJobWhoseProgressAndResultCanBeFollowed() {
        Fixtures.OpportunityStream stream = new Fixtures.OpportunityStream("COLLABORATION");
        stream.opened();
        stream.submit(uniquePartner("verified"));
        publish(stream.envelopes());
        stream.envelopes().forEach(this::awaitStored);
        long stored = jdbc.sql("SELECT count(*) FROM event_log").query(Long.class).single();
        long streams = jdbc.sql("SELECT count(DISTINCT aggregate_id) FROM event_log").query(Long.class).single();
        assertThat(jdbc.sql("SELECT count(*) FROM event_log WHERE event_hash IS NULL").query(Long.class).single())
                .as("every event in the copy arrived with its hash").isZero();

        Http.Response started = http.get("/api/v1/audit/verify?scope=all&async=true", AUDITOR);
        assertThat(started.status()).isEqualTo(202);
        String id = started.body().get("id").asText();
        assertThat(started.location()).isEqualTo("/api/v1/audit/verify/jobs/" + id);
        assertThat(started.body().get("scope").asText()).isEqualTo("all");

        JsonNode done = awaitJson(started.location(), AUDITOR, job -> job.get("state").asText().equals("DONE"));
        assertThat(done.get("eventsTotal").asLong()).isEqualTo(stored);
        assertThat(done.get("eventsDone").asLong()).isEqualTo(done.get("eventsTotal").asLong());
        assertThat(done.get("finishedAt").isNull()).isFalse();
        JsonNode result = done.get("result");
        assertThat(result.get("scope").asText()).isEqualTo("all");
        assertThat(result.get("intact").asBoolean()).as(result.toString()).isTrue();
        assertThat(result.get("events").asLong()).as("every event verified by its hash").isEqualTo(stored);
        assertThat(result.get("unverifiable").asLong()).isZero();
        assertThat(result.get("streams").asLong()).isEqualTo(streams);
        assertThat(result.get("firstBreak").isNull()).isTrue();
        // no command side in this test: the result says that its checkpoints could not be read
        assertThat(result.at("/checkpoints/status").asText()).isEqualTo("UNAVAILABLE");

        Http.Response synchronous = http.get("/api/v1/audit/verify?scope=stream:" + stream.opportunityId(), AUDITOR);
        assertThat(synchronous.status()).isEqualTo(200);
        JsonNode ofTheStream = synchronous.body();
        assertThat(ofTheStream.get("intact").asBoolean()).as(ofTheStream.toString()).isTrue();
        assertThat(ofTheStream.get("streams").asLong()).isEqualTo(1);
        assertThat(ofTheStream.get("events").asLong()).isEqualTo(stream.envelopes().size()).isEqualTo(2);
        assertThat(ofTheStream.get("unverifiable").asLong()).isZero();
        assertThat(ofTheStream.get("firstBreak").isNull()).isTrue();
        assertThat(synchronous.body().get("checkpoints").isNull()).isTrue();
    }

    @Test
    void aSecondVerificationOfTheWholeCopyWhileTheFirstRunsIs409WithTheRunningJobsLocation() throws Exception {
        String auditor = DevTokens.mint("auditor-" + UUID.randomUUID(), List.of("AUDITOR"), null);
        Http.Response first;
        // the first job cannot read the copy, so it cannot finish, while this transaction holds the table (a lock
        // the service's own role may not take)
        try (Connection holder = superuserDataSource().getConnection()) {
            holder.setAutoCommit(false);
            try (Statement lock = holder.createStatement()) {
                lock.execute("LOCK TABLE event_log IN ACCESS EXCLUSIVE MODE");
            }
            first = http.get("/api/v1/audit/verify?scope=all&async=true", auditor);
            assertThat(first.status()).isEqualTo(202);

            Http.Response second = http.get("/api/v1/audit/verify?scope=all&async=true", auditor);
            assertThat(second.status()).isEqualTo(409);
            assertThat(second.contentType()).startsWith("application/problem+json");
            assertThat(second.body().get("code").asText()).isEqualTo("VERIFICATION_RUNNING");
            assertThat(second.location()).isEqualTo(first.location());

            Http.Response synchronous = http.get("/api/v1/audit/verify", auditor);
            assertThat(synchronous.status()).as("nor in the caller's own request").isEqualTo(409);
            assertThat(synchronous.location()).isEqualTo(first.location());

            // the job has started and waits for the table
            eventually().until(() -> superuser().sql("SELECT count(*) FROM pg_locks"
                    + " WHERE relation = 'event_log'::regclass AND NOT granted").query(Long.class).single() > 0);
            JsonNode running = http.get(first.location(), auditor).body();
            assertThat(running.get("state").asText()).isEqualTo("RUNNING");
            assertThat(running.get("eventsDone").asLong()).isZero();
            assertThat(http.get("/api/v1/audit/verify?scope=stream:" + UUID.randomUUID() + "&async=true", auditor)
                    .status()).as("a single stream is no full verification").isEqualTo(202);
            holder.rollback();
        }
        awaitJson(first.location(), auditor, job -> job.get("state").asText().equals("DONE"));

        Http.Response next = http.get("/api/v1/audit/verify?scope=all&async=true", auditor);
        assertThat(next.status()).as("once the first has finished").isEqualTo(202);
        assertThat(next.location()).isNotEqualTo(first.location());
        awaitJson(next.location(), auditor, job -> job.get("state").asText().equals("DONE"));
        assertThat(http.get("/api/v1/audit/verify", auditor).status()).isEqualTo(200);
    }

    @Test
    void jobsAreForAuditorsOnlyAndUnknownOnesAreNotFound() {
        assertThat(http.get("/api/v1/audit/verify/jobs/" + UUID.randomUUID(), AUDITOR).status()).isEqualTo(404);
        for (String role : List.of("CHANNEL_MANAGER", "ADMIN")) {
            assertThat(http.get("/api/v1/audit/verify?async=true", token(role)).status()).isEqualTo(403);
            assertThat(http.get("/api/v1/audit/verify/jobs/x", token(role)).status()).isEqualTo(403);
            assertThat(http.get("/api/v1/audit/reconciliation", token(role)).status()).isEqualTo(403);
        }
        assertThat(http.get("/api/v1/audit/verify?scope=nonsense&async=true", AUDITOR).status()).isEqualTo(400);
    }

    @Test
    void withoutTheCommandSideTheReconciliationSaysSoInsteadOfGuessing() {
        JsonNode report = http.get("/api/v1/audit/reconciliation?refresh=true", AUDITOR).body();
        assertThat(report.get("state").asText()).isEqualTo("UNAVAILABLE");
        assertThat(report.get("divergent").asBoolean()).isFalse();
        assertThat(report.at("/copy/events").asLong())
                .isEqualTo(jdbc.sql("SELECT count(*) FROM event_log").query(Long.class).single());
        assertThat(report.at("/copy/maxGlobalIndex").asLong()).isEqualTo(jdbc.sql(
                "SELECT coalesce(max(global_index), 0) FROM event_log").query(Long.class).single());
    }
}
