package com.leadledger.e2e;

import com.leadledger.events.envelope.EnvelopeCodec;
import com.leadledger.events.envelope.EventEnvelope;
import com.leadledger.localruntime.DevTokens;
import com.leadledger.localruntime.KafkaBrokerProcess;
import com.leadledger.localruntime.ProjectPaths;
import com.leadledger.localruntime.ServiceProcess;
import com.leadledger.testsupport.HttpApi;
import com.leadledger.testsupport.Inns;
import com.leadledger.testsupport.PostgresServer;
import com.leadledger.testsupport.TestInfrastructure;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import static com.leadledger.e2e.LeadLedgerSystem.partnerToken;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Order per aggregate on the topic through a broker crash: many events on a few opportunities (several partners each
 * submitting a registration of the same customer, which staff reject, over and over), the broker SIGKILLed in the
 * middle and restarted on its log directory, then the whole topic read back. Per key (aggregate id): every stored event
 * of that aggregate is there, all in one partition, first seen in sequence order 0, 1, 2, …, and any record seen again
 * is an exact re-send of the earlier one (the relay is at-least-once).
 */
@Tag("drill")
class KafkaOrderDrillIT {

    static final int OPPORTUNITIES = 3;
    static final int PARTNERS_PER_OPPORTUNITY = 4;
    static final int PARTITIONS = 6;
    /** Submit-and-reject rounds the clients complete before the kill, while the broker is down, and after it is back. */
    static final int ROUNDS_PER_PHASE = 40;

    static final String ADMIN = DevTokens.mint("admin", List.of("ADMIN"), null);
    static KafkaBrokerProcess broker;
    static ServiceProcess command;
    static HttpApi commandApi;
    static PostgresServer pg;
    static String commandUrl;
    static String topic;

    @BeforeAll
    static void startSystem() throws Exception {
        Path home = ProjectPaths.root().resolve("infra/e2e-tests/target/kafka-order-" + UUID.randomUUID());
        Files.createDirectories(home);
        broker = KafkaBrokerProcess.builder(home.resolve("kafka")).port(0).logDirectory(home).build();
        broker.start();
        topic = "leadledger.events.order-" + UUID.randomUUID();
        try (Admin admin = Admin.create(broker.clientProperties())) {
            admin.createTopics(List.of(new NewTopic(topic, PARTITIONS, (short) 1))).all().get();
        }
        pg = TestInfrastructure.postgres();
        commandUrl = pg.jdbcUrl(pg.freshDatabase("order_command"));
        Map<String, String> env = new HashMap<>();
        env.put("SPRING_PROFILES_ACTIVE", "local");
        env.put("LEADLEDGER_COMMAND_DB_URL", commandUrl);
        env.putAll(pg.roles().environment());
        env.put("LEADLEDGER_KAFKA_BOOTSTRAP", broker.bootstrapServers());
        env.put("LEADLEDGER_TOPIC", topic);
        env.put("LEADLEDGER_HOME", home.toString());
        command = ServiceProcess.builder(ProjectPaths.commandServiceJar()).name("command-service").env(env)
                // The drill grows long streams by churning one opportunity per partner on purpose, far past the
                // product's default churn limit.
                .jvmArgs("-Xmx384m", "-XX:TieredStopAtLevel=1",
                        "-Dleadledger.registration.churn-limit.max-registrations=" + 10 * ROUNDS_PER_PHASE).logFile(home.resolve("command-service.log"))
                .startTimeout(Duration.ofSeconds(180)).build();
        command.start();
        commandApi = new HttpApi(command.baseUrl());
    }

    @AfterAll
    static void stopSystem() {
        if (command != null) {
            command.kill();
        }
        if (broker != null) {
            broker.kill();
        }
    }

    @Test
    void everyAggregatesEventsReachTheTopicCompleteAndInOrderThroughABrokerKill() throws Exception {
        List<Contender> contenders = new ArrayList<>();
        for (int o = 1; o <= OPPORTUNITIES; o++) {
            String inn = Inns.random();
            for (int p = 1; p <= PARTNERS_PER_OPPORTUNITY; p++) {
                String partnerId = "P-KO-" + o + "-" + p;
                var answer = commandApi.post("/api/v1/partners", ADMIN, "{\"partnerId\": \"" + partnerId
                        + "\", \"name\": \"Drill\", \"tier\": \"GOLD\", \"productLines\": [\"NETWORK_SECURITY\"]}");
                assertThat(answer.status()).as(answer.raw()).isEqualTo(201);
                contenders.add(new Contender(partnerId, inn));
            }
        }
        int outboxWhileDown;
        List<String> failures;
        try (Rounds rounds = new Rounds(contenders)) {
            rounds.awaitCompleted(ROUNDS_PER_PHASE);
            broker.kill(); // SIGKILL: no controlled shutdown, no flush
            rounds.awaitCompleted(rounds.completed() + ROUNDS_PER_PHASE);
            outboxWhileDown = (int) count("SELECT count(*) FROM relay_outbox");
            broker.start(); // the same log directory and port
            rounds.awaitCompleted(rounds.completed() + ROUNDS_PER_PHASE);
            rounds.close();
            failures = rounds.failures();
        }
        assertThat(failures).as("commands while the broker was away: Kafka is not on the write path").isEmpty();
        assertThat(outboxWhileDown).as("events stored while the broker was down, waiting in the outbox")
                .isGreaterThanOrEqualTo(ROUNDS_PER_PHASE);
        await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(500))
                .until(() -> count("SELECT count(*) FROM relay_outbox") == 0);

        Map<String, TreeMap<Long, String>> stored = storedEvents();
        Map<String, List<ConsumerRecord<String, byte[]>>> onTopic = readWholeTopic().stream()
                .collect(Collectors.groupingBy(ConsumerRecord::key, LinkedHashMap::new, Collectors.toList()));
        assertThat(onTopic.keySet()).as("keys on the topic: the aggregates in the event store")
                .containsExactlyInAnyOrderElementsOf(stored.keySet());
        EnvelopeCodec codec = new EnvelopeCodec();
        int resent = 0;
        for (var entry : onTopic.entrySet()) {
            String aggregate = entry.getKey();
            List<ConsumerRecord<String, byte[]>> records = entry.getValue();
            assertThat(records.stream().map(ConsumerRecord::partition).distinct())
                    .as("partitions of aggregate %s", aggregate).hasSize(1);
            records.sort((a, b) -> Long.compare(a.offset(), b.offset()));
            List<byte[]> firstSeen = new ArrayList<>();
            TreeMap<Long, String> published = new TreeMap<>();
            for (ConsumerRecord<String, byte[]> record : records) {
                EventEnvelope envelope = codec.decode(record.value());
                long sequence = envelope.sequenceNumber();
                assertThat(envelope.aggregateId()).as("key of offset %d", record.offset()).isEqualTo(aggregate);
                if (sequence == firstSeen.size()) {
                    firstSeen.add(record.value());
                    published.put(sequence, envelope.eventId());
                } else {
                    assertThat(sequence).as("aggregate %s at offset %d: sequence %d after %d new ones (out of order or "
                            + "a gap)", aggregate, record.offset(), sequence, firstSeen.size()).isLessThan(firstSeen.size());
                    assertThat(record.value()).as("aggregate %s at offset %d: sequence %d again, not as an exact re-send",
                            aggregate, record.offset(), sequence).isEqualTo(firstSeen.get((int) sequence));
                    resent++;
                }
            }
            assertThat(published).as("aggregate %s: its events on the topic, by sequence", aggregate)
                    .isEqualTo(stored.get(aggregate));
        }
        List<String> opportunities = stored.entrySet().stream().filter(e -> e.getValue().size() >= 3 * ROUNDS_PER_PHASE)
                .map(Map.Entry::getKey).toList();
        assertThat(opportunities).as("aggregates with many events (the contested opportunities)").hasSize(OPPORTUNITIES);
        System.out.printf("Kafka order drill: %d events of %d aggregates on %d partitions (%s on the opportunities), "
                        + "%d waiting in the outbox while the broker was down, %d re-sent records%n",
                stored.values().stream().mapToInt(Map::size).sum(), stored.size(), PARTITIONS,
                opportunities.stream().map(o -> Integer.toString(stored.get(o).size())).toList(), outboxWhileDown, resent);
    }

    /** A partner competing for one customer's opportunity. */
    record Contender(String partnerId, String inn) {
    }

    /**
     * One client per contender, each round: the partner submits its registration of the customer, a channel manager
     * (a subject of its own per client, so that no rate limit is shared) rejects it, which frees the partner to submit
     * again. Every answer other than 201 / 200 is kept as a failure.
     */
    static final class Rounds implements AutoCloseable {
        private final AtomicInteger completed = new AtomicInteger();
        private final ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final List<Thread> clients = new ArrayList<>();

        Rounds(List<Contender> contenders) {
            for (Contender contender : contenders) {
                Thread client = new Thread(() -> playUntilStopped(contender), "rounds-" + contender.partnerId());
                clients.add(client);
                client.start();
            }
        }

        private void playUntilStopped(Contender contender) {
            String partner = partnerToken(contender.partnerId());
            String manager = DevTokens.mint("manager-" + contender.partnerId(), List.of("CHANNEL_MANAGER"), null);
            String registration = """
                    {"customer": {"legalName": "Contested %s", "country": "RU", "taxId": "%s"},
                     "productLine": "NETWORK_SECURITY", "estimatedValue": {"amount": "900000", "currency": "RUB"},
                     "expectedCloseDate": "%s"}""".formatted(contender.inn(), contender.inn(), LocalDate.now().plusDays(60));
            while (running.get()) {
                HttpApi.Answer submitted = commandApi.post("/api/v1/registrations", partner, registration);
                if (submitted.status() != 201) {
                    failures.add(contender.partnerId() + " submit: " + submitted.status() + " " + submitted.raw());
                    return;
                }
                HttpApi.Answer rejected = commandApi.post("/api/v1/registrations/" + submitted.text("registrationId")
                        + "/reject", manager, "{\"reasonCode\": \"INSUFFICIENT_INFORMATION\", \"note\": \"drill\"}");
                if (rejected.status() != 200) {
                    failures.add(contender.partnerId() + " reject: " + rejected.status() + " " + rejected.raw());
                    return;
                }
                completed.incrementAndGet();
            }
        }

        int completed() {
            return completed.get();
        }

        void awaitCompleted(int rounds) {
            await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(50)).until(() ->
                    completed.get() >= rounds || !failures.isEmpty());
            assertThat(failures()).as("failed commands").isEmpty();
        }

        List<String> failures() {
            return List.copyOf(failures);
        }

        @Override
        public void close() throws InterruptedException {
            running.set(false);
            for (Thread client : clients) {
                client.join(TimeUnit.SECONDS.toMillis(60));
            }
        }
    }

    /** Every record on the topic, from the beginning of each partition to its end. */
    static List<ConsumerRecord<String, byte[]>> readWholeTopic() {
        Map<String, Object> settings = new HashMap<>(broker.clientProperties());
        settings.put("key.deserializer", StringDeserializer.class.getName());
        settings.put("value.deserializer", ByteArrayDeserializer.class.getName());
        settings.put("enable.auto.commit", "false");
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(settings)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            assertThat(partitions).hasSize(PARTITIONS);
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ZERO).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
                return partitions.stream().allMatch(p -> consumer.position(p) >= ends.get(p));
            });
        }
        return records;
    }

    /** The event store: aggregate id → sequence number → event id. */
    static Map<String, TreeMap<Long, String>> storedEvents() throws Exception {
        Map<String, TreeMap<Long, String>> events = new HashMap<>();
        try (Connection db = DriverManager.getConnection(commandUrl, pg.username(), pg.password());
             ResultSet rs = db.createStatement().executeQuery(
                     "SELECT aggregateidentifier, sequencenumber, eventidentifier FROM domainevententry")) {
            while (rs.next()) {
                events.computeIfAbsent(rs.getString(1), a -> new TreeMap<>()).put(rs.getLong(2), rs.getString(3));
            }
        }
        return events;
    }

    static long count(String sql) throws Exception {
        try (Connection db = DriverManager.getConnection(commandUrl, pg.username(), pg.password());
             ResultSet rs = db.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
