package com.leadledger.command.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.leadledger.localruntime.DevTokens;
import com.leadledger.testsupport.HttpApi;
import com.leadledger.testsupport.Inns;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Snapshots in the running service: once commands on an opportunity have replayed 100 events
 * ({@code leadledger.snapshots.threshold}), its state is stored in the snapshot table as JSON under the aggregate's
 * revision, the event store serves it first when the opportunity is loaded, and commands after it see the whole state
 * (the next registration gets the next position). A snapshot of another revision is passed over, never used.
 */
class SnapshotIT extends CommandServiceITBase {

    static final String MANAGER = DevTokens.mint("manager-1", List.of("CHANNEL_MANAGER"), null);
    static final ObjectMapper JSON = new ObjectMapper();
    static final String OPPORTUNITY_CLASS = "com.leadledger.command.registration.Opportunity";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    EventStore eventStore;

    HttpApi http;

    @BeforeEach
    void setUp() {
        http = new HttpApi("http://localhost:" + port);
    }

    @Test
    void aLongOpportunityIsLoadedFromItsSnapshotAndALaterCommandSeesItsWholeState() throws Exception {
        String inn = Inns.random();
        String opportunityId = null;
        int registrations = 0;
        for (String partner : List.of(partner(), partner())) {
            for (int i = 0; i < 20; i++) {
                opportunityId = registerAndReject(partner, inn);
                registrations++;
            }
        }
        String opp = opportunityId;
        Conditions.await("a snapshot of the opportunity", () -> snapshotRows(opp) > 0);

        var snapshot = jdbc.sql("""
                        SELECT type, payloadtype, payloadrevision, sequencenumber, convert_from(payload, 'UTF8') AS json
                        FROM snapshotevententry WHERE aggregateidentifier = :id""")
                .param("id", opp).query().singleRow();
        assertThat(snapshot.get("type")).isEqualTo("Opportunity");
        assertThat(snapshot.get("payloadtype")).isEqualTo(OPPORTUNITY_CLASS);
        assertThat(snapshot.get("payloadrevision")).isEqualTo("2");
        JsonNode state = JSON.readTree((String) snapshot.get("json"));
        assertThat(state.get("opportunityId").asText()).isEqualTo(opp);
        assertThat(state.get("registrations").size()).isBetween(30, registrations);
        assertThat(firstLoaded(opp).getPayloadType().getName()).isEqualTo(OPPORTUNITY_CLASS);

        String next = register(partner(), inn);
        assertThat(positionOf(next)).isEqualTo(registrations + 1);
    }

    @Test
    void aSnapshotOfAnotherRevisionIsPassedOver() throws Exception {
        String inn = Inns.random();
        String partner = partner();
        String opportunityId = registerAndReject(partner, inn);
        registerAndReject(partner, inn);
        long latest = jdbc.sql("SELECT max(sequencenumber) FROM domainevententry WHERE aggregateidentifier = :id")
                .param("id", opportunityId).query(Long.class).single();
        // an empty opportunity as an older layout would read: if it were used, the next position would be 1
        jdbc.sql("""
                        INSERT INTO snapshotevententry (aggregateidentifier, sequencenumber, type, eventidentifier,
                            metadata, payload, payloadrevision, payloadtype, timestamp)
                        VALUES (:id, :seq, 'Opportunity', :eventId, convert_to('{}', 'UTF8'),
                            convert_to(:payload, 'UTF8'), '0', :payloadType, '2026-01-01T00:00:00Z')""")
                .param("id", opportunityId).param("seq", latest).param("eventId", UUID.randomUUID().toString())
                .param("payload", "{\"opportunityId\": \"" + opportunityId + "\"}")
                .param("payloadType", OPPORTUNITY_CLASS).update();

        assertThat(firstLoaded(opportunityId).getPayloadType().getName()).isNotEqualTo(OPPORTUNITY_CLASS);
        String next = register(partner(), inn);
        assertThat(positionOf(next)).isEqualTo(3);
    }

    private DomainEventMessage<?> firstLoaded(String opportunityId) {
        DomainEventStream stream = eventStore.readEvents(opportunityId);
        return stream.next();
    }

    private long snapshotRows(String opportunityId) {
        return jdbc.sql("SELECT count(*) FROM snapshotevententry WHERE aggregateidentifier = :id")
                .param("id", opportunityId).query(Long.class).single();
    }

    private int positionOf(String registrationId) throws Exception {
        String payload = jdbc.sql("""
                        SELECT convert_from(payload, 'UTF8') FROM domainevententry
                        WHERE payloadtype LIKE '%RegistrationSubmitted'
                          AND convert_from(payload, 'UTF8')::jsonb ->> 'registrationId' = :id""")
                .param("id", registrationId).query(String.class).single();
        return JSON.readTree(payload).get("position").asInt();
    }

    /** @return the opportunity's id */
    private String registerAndReject(String partner, String inn) {
        var accepted = http.post("/api/v1/registrations", partner, ChurnLimitIT.registration(inn));
        assertThat(accepted.status()).as(accepted.raw()).isEqualTo(201);
        var rejected = http.post("/api/v1/registrations/" + accepted.text("registrationId") + "/reject", MANAGER,
                "{\"reasonCode\": \"INSUFFICIENT_INFORMATION\"}");
        assertThat(rejected.status()).as(rejected.raw()).isEqualTo(200);
        return accepted.text("opportunityId");
    }

    /** @return the registration's id */
    private String register(String partner, String inn) {
        var accepted = http.post("/api/v1/registrations", partner, ChurnLimitIT.registration(inn));
        assertThat(accepted.status()).as(accepted.raw()).isEqualTo(201);
        return accepted.text("registrationId");
    }

    /** A token of a fresh, onboarded GOLD partner authorised for NETWORK_SECURITY. */
    private String partner() {
        return Onboarding.tokenOf(Onboarding.onboardGold(http));
    }
}
