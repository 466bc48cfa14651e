package com.leadledger.query.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.leadledger.query.Fixtures;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Verification of a large scope as a background job with progress; small scopes stay synchronous. */
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

        Http.Response started = http.get("/api/v1/audit/verify?scope=all&async=true", AUDITOR);
        assertThat(started.status()).isEqualTo(202);
        String id = started.body().get("id").asText();
        assertThat(started.location()).isEqualTo("/api/v1/audit/verify/jobs/" + id);
        assertThat(started.body().get("scope").asText()).isEqualTo("all");

        JsonNode done = awaitJson(started.location(), AUDITOR, job -> job.get("state").asText().equals("DONE"));
        assertThat(done.get("eventsTotal").asLong()).isGreaterThanOrEqualTo(stored);
        assertThat(done.get("eventsDone").asLong()).isEqualTo(done.get("eventsTotal").asLong());
        assertThat(done.get("finishedAt").isNull()).isFalse();
        JsonNode result = done.get("result");
        assertThat(result.get("scope").asText()).isEqualTo("all");
        assertThat(result.get("intact").asBoolean()).as(result.toString()).isTrue();
        // no command side in this test: the result says that its checkpoints could not be read
        assertThat(result.at("/checkpoints/status").asText()).isEqualTo("UNAVAILABLE");

        Http.Response synchronous = http.get("/api/v1/audit/verify?scope=stream:" + stream.opportunityId(), AUDITOR);
        assertThat(synchronous.status()).isEqualTo(200);
        assertThat(synchronous.body().get("events").asLong() + synchronous.body().get("unverifiable").asLong())
                .isEqualTo(stream.envelopes().size());
        assertThat(synchronous.body().get("checkpoints").isNull()).isTrue();
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
        assertThat(report.at("/copy/events").asLong()).isGreaterThanOrEqualTo(0);
    }
}
