package com.leadledger.query.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.leadledger.events.customer.CustomerIdentity;
import com.leadledger.events.envelope.EventEnvelope;
import com.leadledger.events.policy.PolicyDocument;
import com.leadledger.events.policy.PolicyPublished;
import com.leadledger.events.registration.RegistrationSubmitted;
import com.leadledger.events.registration.RegistrationWithdrawn;
import com.leadledger.query.Fixtures;
import com.leadledger.query.ingest.PoisonRecordRecoverer;
import com.leadledger.testsupport.TestInfrastructure;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Kafka → event_log + projections: idempotency, withdrawal, records without an envelope, passing failures, offset
 * commits.
 */
class IngestIT extends QueryServiceITBase {

    static final String MANAGER = token("CHANNEL_MANAGER");

    @Autowired
    KafkaListenerEndpointRegistry listeners;
    @Value("${spring.kafka.consumer.group-id}")
    String group;

    @Test
    void aSubmittedRegistrationBecomesVisibleWithEverythingItSaid() {
        String partner = uniquePartner("alpha");
        Fixtures.OpportunityStream stream = new Fixtures.OpportunityStream("NETWORK_SECURITY");
        stream.opened();
        RegistrationSubmitted submitted = stream.submit(partner, new CustomerIdentity("ООО «Ромашка» for " + partner,
                "RU", stream.customerKey(), "example-" + partner.toLowerCase() + ".ru", "Moscow"));
        publish(stream.envelopes());

        JsonNode view = awaitRegistration(submitted.registrationId(), MANAGER);

        assertThat(view.get("registrationId").asText()).isEqualTo(submitted.registrationId());
        assertThat(view.get("opportunityId").asText()).isEqualTo(stream.opportunityId());
        assertThat(view.get("partnerId").asText()).isEqualTo(partner);
        assertThat(view.get("position").asInt()).isEqualTo(1);
        assertThat(view.get("status").asText()).isEqualTo("SUBMITTED");
        assertThat(view.get("customer").get("legalName").asText()).isEqualTo(submitted.customer().legalName());
        assertThat(view.get("customer").get("country").asText()).isEqualTo("RU");
        assertThat(view.get("customer").get("taxId").asText()).isEqualTo(stream.customerKey());
        assertThat(view.get("customer").get("domain").asText()).isEqualTo(submitted.customer().domain());
        assertThat(view.get("customer").get("region").asText()).isEqualTo("Moscow");
        assertThat(view.get("productLine").asText()).isEqualTo("NETWORK_SECURITY");
        assertThat(view.get("estimatedValue").get("amount").isTextual()).isTrue();
        assertThat(view.get("estimatedValue").get("amount").asText()).isEqualTo("1250000.00");
        assertThat(view.get("estimatedValue").get("currency").asText()).isEqualTo("RUB");
        assertThat(view.get("expectedCloseDate").asText()).isEqualTo("2031-03-31");
        assertThat(view.get("description").asText()).isEqualTo(submitted.description());
        assertThat(Instant.parse(view.get("acceptedAt").asText())).isEqualTo(submitted.acceptedAt());
        assertThat(view.get("acceptedAt").asText()).endsWith("Z");
        assertThat(view.get("policyVersion").asLong()).isEqualTo(1);
    }

    @Test
    void redeliveriesAndAWholeResendChangeNothing() {
        Fixtures.OpportunityStream stream = new Fixtures.OpportunityStream("COLLABORATION");
        stream.opened();
        RegistrationSubmitted submitted = stream.submit(uniquePartner("dup"));
        publish(stream.envelopes());
        JsonNode before = awaitRegistration(submitted.registrationId(), MANAGER);
        Map<String, Object> rowBefore = registrationRow(submitted.registrationId());
        Map<String, Object> opportunityBefore = opportunityRow(stream.opportunityId());
        double duplicatesBefore = counter("leadledger.ingest.events", "outcome", "duplicate");

        publish(stream.last());                      // the same envelope twice more
        publish(stream.last());
        publish(stream.envelopes());                 // and everything once again
        EventEnvelope sentinel = stream.unknown("QueryItSentinel");
        publish(sentinel);                           // same key, so it is consumed after all the duplicates
        awaitStored(sentinel);

        assertThat(eventsOf(stream.opportunityId())).isEqualTo(3);
        assertThat(registrationRow(submitted.registrationId())).isEqualTo(rowBefore);
        assertThat(opportunityRow(stream.opportunityId())).isEqualTo(opportunityBefore);
        assertThat(jdbc.sql("SELECT count(*) FROM registration_view WHERE opportunity_id = :id")
                .param("id", stream.opportunityId()).query(Long.class).single()).isEqualTo(1);
        assertThat(http.get("/api/v1/registrations/" + submitted.registrationId(), MANAGER).body())
                .isEqualTo(before);
        assertThat(counter("leadledger.ingest.events", "outcome", "duplicate") - duplicatesBefore).isEqualTo(4);
    }

    @Test
    void aWithdrawalEndsTheRegistration() {
        String partner = uniquePartner("withdrawing");
        Fixtures.OpportunityStream stream = new Fixtures.OpportunityStream("CLOUD_SERVICES");
        stream.opened();
        RegistrationSubmitted submitted = stream.submit(partner);
        publish(stream.envelopes());
        awaitRegistration(submitted.registrationId(), MANAGER);

        RegistrationWithdrawn withdrawn = stream.withdraw(submitted, "customer postponed the project");
        publish(stream.last());

        eventually().until(() -> http.get("/api/v1/registrations/" + submitted.registrationId(),
                partnerToken(partner)).body().get("status").asText().equals("WITHDRAWN"));
        JsonNode view = http.get("/api/v1/registrations/" + submitted.registrationId(), partnerToken(partner)).body();
        assertThat(Instant.parse(view.get("withdrawnAt").asText())).isEqualTo(withdrawn.withdrawnAt());
        assertThat(view.get("withdrawalReason").asText()).isEqualTo("customer postponed the project");
        assertThat(jdbc.sql("SELECT document->>'lastEventId' FROM registration_view WHERE registration_id = :id")
                .param("id", submitted.registrationId()).query(String.class).single())
                .isEqualTo(stream.last().eventId());
    }

    @Test
    void recordsWithoutAnEnvelopeAreParkedAloneWithoutHoldingUpLaterRecords() {
        Fixtures.OpportunityStream stream = new Fixtures.OpportunityStream("DATA_CENTER");
        double envelopePoisonBefore = counter(PoisonRecordRecoverer.POISON_COUNTER, "reason", "envelope");
        stream.opened();

        // All on the opportunity's key, i.e. the same partition, ahead of the good events.
        publishRaw(stream.opportunityId(), "this is not JSON".getBytes(StandardCharsets.UTF_8));
        publishRaw(stream.opportunityId(), "{\"eventType\":\"RegistrationSubmitted\"}".getBytes(StandardCharsets.UTF_8));
        publishRaw(stream.opportunityId(), null);
        RegistrationSubmitted submitted = stream.submit(uniquePartner("after-poison"));
        publish(stream.envelopes());

        awaitRegistration(submitted.registrationId(), MANAGER);
        assertThat(counter(PoisonRecordRecoverer.POISON_COUNTER, "reason", "envelope") - envelopePoisonBefore)
                .isEqualTo(3);
        List<Map<String, Object>> parked = jdbc.sql("""
                        SELECT status, reason, sequence_key, event_id, in_event_log, record_value FROM dead_letter
                        WHERE record_key = :key ORDER BY id""")
                .param("key", stream.opportunityId()).query().listOfRows();
        assertThat(parked).hasSize(3).allSatisfy(row -> {
            assertThat(row.get("status")).isEqualTo("PARKED");
            assertThat(row.get("reason")).isEqualTo("envelope");
            assertThat(row.get("sequence_key")).as("blocks nothing").isNull();
            assertThat(row.get("event_id")).isNull();
            assertThat(row.get("in_event_log")).isEqualTo(false);
        });
        assertThat((byte[]) parked.get(0).get("record_value")).isEqualTo("this is not JSON".getBytes(StandardCharsets.UTF_8));
        assertThat(parked.get(2).get("record_value")).isNull();
        assertThat(eventsOf(stream.opportunityId())).isEqualTo(2);
    }

    @Test
    void aPassingDatabaseFailureCommitsNothingAndIsDeliveredAgainUntilItSucceedsNeverParked() {
        String partner = uniquePartner("unlucky");
        String trigger = "it_fail_" + UUID.randomUUID().toString().replace("-", "");
        // A real failure inside the ingest transaction, after event_log was written: the projection's write is refused
        // with the error a restarting server gives (SQLSTATE 57P03 cannot_connect_now), a passing condition.
        JdbcClient superuser = superuser(); // the service's own role may create no function or trigger
        superuser.sql("""
                CREATE FUNCTION %1$s() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF NEW.partner_id = '%2$s' THEN
                        RAISE EXCEPTION 'injected failure for %2$s' USING ERRCODE = '57P03';
                    END IF;
                    RETURN NEW;
                END $$""".formatted(trigger, partner)).update();
        superuser.sql("CREATE TRIGGER %1$s BEFORE INSERT OR UPDATE ON registration_view FOR EACH ROW EXECUTE FUNCTION %1$s()"
                .formatted(trigger)).update();
        try {
            Fixtures.OpportunityStream stream = new Fixtures.OpportunityStream("NETWORK_SECURITY");
            EventEnvelope opened = stream.opened();
            RegistrationSubmitted submitted = stream.submit(partner);
            double stalledBefore = counter(PoisonRecordRecoverer.STALLED_COUNTER);
            double poisonBefore = poisonSoFar();
            publish(stream.envelopes());

            awaitStored(opened);
            eventually().until(() -> counter(PoisonRecordRecoverer.STALLED_COUNTER) > stalledBefore);
            assertThat(stored(stream.last().eventId())).as("rolled back with the projection").isFalse();
            assertThat(http.get("/api/v1/registrations/" + submitted.registrationId(), MANAGER).status())
                    .isEqualTo(404);
            assertThat(poisonSoFar()).as("not treated as poison").isEqualTo(poisonBefore);
            assertThat(deadLettersOf(stream.opportunityId())).as("not parked").isZero();

            superuser.sql("DROP TRIGGER " + trigger + " ON registration_view").update();

            JsonNode view = awaitRegistration(submitted.registrationId(), MANAGER);
            assertThat(view.get("partnerId").asText()).isEqualTo(partner);
            assertThat(stored(stream.last().eventId())).isTrue();
            assertThat(deadLettersOf(stream.opportunityId())).as("not parked").isZero();
        } finally {
            superuser.sql("DROP TRIGGER IF EXISTS " + trigger + " ON registration_view").update();
            superuser.sql("DROP FUNCTION IF EXISTS " + trigger + "()").update();
        }
    }

    @Test
    void theOffsetsOfIngestedRecordsAreCommittedWithoutTheConsumerWaitingForTheBroker() throws Exception {
        assertThat(listeners.getListenerContainer("event-ingest").getContainerProperties().isSyncCommits())
                .as("offsets committed asynchronously").isFalse();
        Fixtures.OpportunityStream stream = new Fixtures.OpportunityStream("COLLABORATION");
        stream.opened();
        stream.submit(uniquePartner("offsets"));
        publish(stream.envelopes());
        awaitStored(stream.last());

        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestInfrastructure.kafka().bootstrapServers()))) {
            List<TopicPartition> partitions = admin.describeTopics(List.of(TOPIC)).allTopicNames().get().get(TOPIC)
                    .partitions().stream().map(p -> new TopicPartition(TOPIC, p.partition())).toList();
            Map<TopicPartition, Long> published = admin.listOffsets(partitions.stream()
                            .collect(Collectors.toMap(Function.identity(), partition -> OffsetSpec.latest())))
                    .all().get().entrySet().stream()
                    .collect(Collectors.toMap(Map.Entry::getKey, end -> end.getValue().offset()));
            eventually().untilAsserted(() -> {
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                        .partitionsToOffsetAndMetadata().get();
                published.forEach((partition, end) -> assertThat(committed.getOrDefault(partition,
                                new OffsetAndMetadata(0)).offset())
                        .as("the group's committed offset of " + partition).isGreaterThanOrEqualTo(end));
            });
        }
    }

    double poisonSoFar() {
        return counter(PoisonRecordRecoverer.POISON_COUNTER, "reason", "envelope")
                + counter(PoisonRecordRecoverer.POISON_COUNTER, "reason", "payload");
    }

    @Test
    void aPublishedPolicyVersionIsKept() throws Exception {
        long version = 1_000 + Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000);
        PolicyDocument document = new PolicyDocument(
                new TreeMap<>(Map.of("NETWORK_SECURITY", new PolicyDocument.ProductLineRule(
                        new TreeMap<>(Map.of("RUB", new BigDecimal("300000")))))),
                new TreeMap<>(Map.of("GOLD", new PolicyDocument.TierRule(90, new BigDecimal("15")))),
                2, List.of(2, 3, 5), new PolicyDocument.ExtensionRule(1, 30), 10, 12,
                new PolicyDocument.BusinessCalendar("Europe/Moscow", List.of(LocalDate.of(2030, 1, 1)), List.of()), null);
        Instant at = Fixtures.now();
        // a policy stream of its own (the real one is shared, and this version is no successor of its head)
        EventEnvelope published = Fixtures.envelope(new PolicyPublished(version, document, at, "admin-1"), "Policy",
                "policy-" + UUID.randomUUID(), 0, at, Fixtures.metadata("admin-1", "ADMIN", null));

        publish(published);
        awaitStored(published);

        Map<String, Object> row = jdbc.sql("SELECT version, published_by, document::text AS document, last_event_id "
                + "FROM policy_view WHERE version = :v").param("v", version).query().singleRow();
        assertThat(row.get("published_by")).isEqualTo("admin-1");
        assertThat(row.get("last_event_id")).isEqualTo(published.eventId());
        assertThat(Fixtures.CODEC.mapper().readValue((String) row.get("document"), PolicyDocument.class))
                .isEqualTo(document);
    }

    long deadLettersOf(String aggregateId) {
        return jdbc.sql("SELECT count(*) FROM dead_letter WHERE aggregate_id = :id").param("id", aggregateId)
                .query(Long.class).single();
    }

    long eventsOf(String aggregateId) {
        return jdbc.sql("SELECT count(*) FROM event_log WHERE aggregate_id = :id").param("id", aggregateId)
                .query(Long.class).single();
    }

    Map<String, Object> registrationRow(String registrationId) {
        return jdbc.sql("SELECT * FROM registration_view WHERE registration_id = :id").param("id", registrationId)
                .query().singleRow();
    }

    Map<String, Object> opportunityRow(String opportunityId) {
        return jdbc.sql("SELECT * FROM opportunity_view WHERE opportunity_id = :id").param("id", opportunityId)
                .query().singleRow();
    }
}
