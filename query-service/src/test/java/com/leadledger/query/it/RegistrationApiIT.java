package com.leadledger.query.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.leadledger.events.registration.RegistrationSubmitted;
import com.leadledger.query.Fixtures;
import com.leadledger.localruntime.DevTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Who sees which registrations, and how the list endpoint validates its parameters. */
class RegistrationApiIT extends QueryServiceITBase {

    static final String MANAGER = token("CHANNEL_MANAGER");

    String partnerA;
    String partnerB;
    RegistrationSubmitted aOnShared;
    RegistrationSubmitted bOnShared;
    RegistrationSubmitted bOnOwn;

    @BeforeEach
    void twoPartnersRegisterTheSameCustomer() {
        partnerA = uniquePartner("A");
        partnerB = uniquePartner("B");
        Fixtures.OpportunityStream shared = new Fixtures.OpportunityStream("NETWORK_SECURITY");
        shared.opened();
        aOnShared = shared.submit(partnerA);
        bOnShared = shared.submit(partnerB);
        Fixtures.OpportunityStream own = new Fixtures.OpportunityStream("DATA_CENTER");
        own.opened();
        bOnOwn = own.submit(partnerB);
        publish(shared.envelopes());
        publish(own.envelopes());
        for (RegistrationSubmitted r : List.of(aOnShared, bOnShared, bOnOwn)) {
            awaitRegistration(r.registrationId(), MANAGER);
        }
    }

    @Test
    void aPartnerListsOnlyItsOwnRegistrationsNewestFirstAndWithoutPositions() {
        JsonNode page = http.get("/api/v1/registrations", partnerToken(partnerB)).body();

        assertThat(page.get("total").asLong()).isEqualTo(2);
        assertThat(page.get("page").asInt()).isZero();
        assertThat(page.get("size").asInt()).isEqualTo(50);
        assertThat(ids(page)).containsExactly(bOnOwn.registrationId(), bOnShared.registrationId());
        for (JsonNode item : page.get("items")) {
            assertThat(item.get("partnerId").asText()).isEqualTo(partnerB);
            assertThat(item.has("position")).isFalse();
        }
        assertThat(page.toString()).doesNotContain(partnerA).doesNotContain(aOnShared.registrationId());

        JsonNode asked = http.get("/api/v1/registrations?partnerId=" + partnerA, partnerToken(partnerB)).body();
        assertThat(ids(asked)).containsExactly(bOnOwn.registrationId(), bOnShared.registrationId());
        assertThat(asked.toString()).doesNotContain(partnerA);
    }

    @Test
    void anotherPartnersRegistrationIsNotFoundExactlyLikeAMissingOne() {
        var foreign = http.get("/api/v1/registrations/" + aOnShared.registrationId(), partnerToken(partnerB));
        String missingId = UUID.randomUUID().toString();
        var missing = http.get("/api/v1/registrations/" + missingId, partnerToken(partnerB));

        assertThat(foreign.status()).isEqualTo(404);
        assertThat(missing.status()).isEqualTo(404);
        assertThat(foreign.contentType()).startsWith("application/problem+json");
        assertThat(foreign.contentType()).isEqualTo(missing.contentType());
        assertThat(foreign.body().get("code").asText()).isEqualTo("NOT_FOUND");
        assertThat(foreign.body().get("instance").asText())
                .isEqualTo("/api/v1/registrations/" + aOnShared.registrationId());
        assertThat(missing.body().get("instance").asText()).isEqualTo("/api/v1/registrations/" + missingId);
        assertThat(withoutInstance(foreign.body())).isEqualTo(withoutInstance(missing.body()));
        assertThat(foreign.text().replace(aOnShared.registrationId(), "ID"))
                .isEqualTo(missing.text().replace(missingId, "ID"));
    }

    @Test
    void aPartnerReadsItsOwnRegistrationWithoutThePositionStaffSeeIt() {
        JsonNode own = http.get("/api/v1/registrations/" + bOnShared.registrationId(), partnerToken(partnerB)).body();
        assertThat(own.get("registrationId").asText()).isEqualTo(bOnShared.registrationId());
        assertThat(own.has("position")).isFalse();

        JsonNode staff = http.get("/api/v1/registrations/" + bOnShared.registrationId(), MANAGER).body();
        assertThat(staff.get("position").asInt()).isEqualTo(2);
    }

    @Test
    void staffAuditorsAndAdminsSeeEveryoneAndCanFilter() {
        JsonNode ofA = http.get("/api/v1/registrations?partnerId=" + partnerA, MANAGER).body();
        assertThat(ids(ofA)).containsExactly(aOnShared.registrationId());
        assertThat(ofA.get("items").get(0).get("position").asInt()).isEqualTo(1);

        JsonNode bDataCenter = http.get("/api/v1/registrations?partnerId=" + partnerB
                + "&productLine=DATA_CENTER&status=SUBMITTED", token("AUDITOR")).body();
        assertThat(ids(bDataCenter)).containsExactly(bOnOwn.registrationId());
        assertThat(bDataCenter.get("total").asLong()).isEqualTo(1);

        JsonNode bWithdrawn = http.get("/api/v1/registrations?partnerId=" + partnerB + "&status=WITHDRAWN",
                token("ADMIN")).body();
        assertThat(bWithdrawn.get("total").asLong()).isZero();
        assertThat(bWithdrawn.get("items")).isEmpty();

        JsonNode paged = http.get("/api/v1/registrations?partnerId=" + partnerB + "&page=1&size=1",
                token("CHANNEL_DIRECTOR")).body();
        assertThat(paged.get("total").asLong()).isEqualTo(2);
        assertThat(paged.get("page").asInt()).isEqualTo(1);
        assertThat(paged.get("size").asInt()).isEqualTo(1);
        assertThat(ids(paged)).containsExactly(bOnShared.registrationId());

        JsonNode all = http.get("/api/v1/registrations?size=200", token("ARBITRATION_COMMITTEE")).body();
        assertThat(all.get("total").asLong())
                .isEqualTo(jdbc.sql("SELECT count(*) FROM registration_view").query(Long.class).single());
    }

    @Test
    void sortOldestListsTheSameRegistrationsOldestFirstAndNewestIsTheDefault() {
        JsonNode oldest = http.get("/api/v1/registrations?sort=oldest", partnerToken(partnerB)).body();
        assertThat(ids(oldest)).containsExactly(bOnShared.registrationId(), bOnOwn.registrationId());
        assertThat(oldest.get("total").asLong()).isEqualTo(2);

        JsonNode newest = http.get("/api/v1/registrations?sort=newest", partnerToken(partnerB)).body();
        assertThat(ids(newest)).containsExactly(bOnOwn.registrationId(), bOnShared.registrationId());
        assertThat(ids(http.get("/api/v1/registrations", partnerToken(partnerB)).body())).isEqualTo(ids(newest));

        JsonNode secondOldest = http.get("/api/v1/registrations?partnerId=" + partnerB + "&sort=oldest&page=1&size=1",
                MANAGER).body();
        assertThat(ids(secondOldest)).containsExactly(bOnOwn.registrationId());
    }

    @Test
    void invalidParametersAreRefusedNamingTheField() {
        assertBadField("/api/v1/registrations?sort=acceptedAt", "sort");
        assertBadField("/api/v1/registrations?status=BOGUS", "status");
        assertBadField("/api/v1/registrations?size=0", "size");
        assertBadField("/api/v1/registrations?size=201", "size");
        assertBadField("/api/v1/registrations?page=-1", "page");
        assertBadField("/api/v1/registrations?page=abc", "page");
    }

    @Test
    void withoutAValidTokenTheAnswerIs401() {
        var none = http.get("/api/v1/registrations", null);
        assertThat(none.status()).isEqualTo(401);
        assertThat(none.contentType()).startsWith("application/problem+json");
        assertThat(none.body().get("code").asText()).isEqualTo("UNAUTHENTICATED");

        String forged = DevTokens.mint("another-secret-that-is-long-enough-for-hs256!", "mallory",
                List.of("CHANNEL_MANAGER"), null, Duration.ofMinutes(5));
        assertThat(http.get("/api/v1/registrations", forged).status()).isEqualTo(401);
        assertThat(http.get("/api/v1/registrations/" + aOnShared.registrationId(), forged).status()).isEqualTo(401);
    }

    @Test
    void aPartnerTokenWithoutAPartnerIdReadsNothing() {
        String anonymousPartner = DevTokens.mint("someone", List.of("PARTNER"), null);

        var answer = http.get("/api/v1/registrations", anonymousPartner);

        assertThat(answer.status()).isEqualTo(403);
        assertThat(answer.body().get("code").asText()).isEqualTo("FORBIDDEN");
    }

    void assertBadField(String path, String field) {
        var answer = http.get(path, MANAGER);
        assertThat(answer.status()).as(path).isEqualTo(400);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.body().get("code").asText()).isEqualTo("VALIDATION_FAILED");
        assertThat(answer.body().get("errors").get(0).get("field").asText()).as(path).isEqualTo(field);
    }

    static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.get("items").forEach(item -> ids.add(item.get("registrationId").asText()));
        return ids;
    }

    static JsonNode withoutInstance(JsonNode problem) {
        ObjectNode copy = problem.deepCopy();
        copy.remove("instance");
        return copy;
    }
}
