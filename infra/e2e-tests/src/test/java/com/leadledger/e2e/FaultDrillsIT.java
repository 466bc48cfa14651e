package com.leadledger.e2e;

import com.leadledger.localruntime.DevTokens;
import com.leadledger.testsupport.HttpApi;
import com.leadledger.testsupport.Inns;
import com.leadledger.localruntime.KafkaBrokerProcess;
import com.leadledger.testsupport.PostgresServer;
import com.leadledger.localruntime.ProjectPaths;
import com.leadledger.localruntime.ServiceProcess;
import com.leadledger.testsupport.TestInfrastructure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Fault drills on a system of its own (so that stopping its Kafka broker disturbs no other test): a real Kafka broker
 * as a separate process, both services as processes, the shared real PostgreSQL. Each drill ends by checking that
 * every acknowledged registration is in the event store and in the read model exactly once.
 */
@Tag("drill")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultDrillsIT {

    /** Concurrent clients in the command-service kill drill, each a partner of its own. */
    static final int BURST_CLIENTS = 16;

    static KafkaBrokerProcess broker;
    static ServiceProcess command;
    static ServiceProcess query;
    static HttpApi commandApi;
    static Map<String, String> env;
    static PostgresServer pg;
    static String commandUrl;
    static String queryUrl;
    static final String ADMIN = DevTokens.mint("admin", List.of("ADMIN"), null);

    @BeforeAll
    static void startSystem() throws Exception {
        Path home = ProjectPaths.root().resolve("infra/e2e-tests/target/fault-drills-" + UUID.randomUUID());
        Files.createDirectories(home);
        broker = KafkaBrokerProcess.builder(home.resolve("kafka")).port(0).logDirectory(home).build();
        broker.start();
        pg = TestInfrastructure.postgres();
        commandUrl = pg.jdbcUrl(pg.freshDatabase("drill_command"));
        queryUrl = pg.jdbcUrl(pg.freshDatabase("drill_query"));
        env = new HashMap<>();
        env.put("SPRING_PROFILES_ACTIVE", "local");
        env.put("LEADLEDGER_COMMAND_DB_URL", commandUrl);
        env.put("LEADLEDGER_QUERY_DB_URL", queryUrl);
        env.putAll(pg.roles().environment()); // the application role, migrating as the migration owner
        env.put("LEADLEDGER_KAFKA_BOOTSTRAP", broker.bootstrapServers());
        env.put("LEADLEDGER_HOME", home.toString());
        env.put("LEADLEDGER_LOG_FORMAT", "logstash");
        env.put("LEADLEDGER_RECONCILIATION_ENABLED", "false"); // reconciliation has its own end-to-end test
        command = service(ProjectPaths.commandServiceJar(), "command-service", home, Map.of());
        query = service(ProjectPaths.queryServiceJar(), "query-service", home, Map.of());
        ServiceProcess.startTogether(command, query);
        commandApi = new HttpApi(command.baseUrl());
    }

    static ServiceProcess service(Path jar, String name, Path home, Map<String, String> extraEnv) {
        Map<String, String> serviceEnv = new HashMap<>(env);
        serviceEnv.putAll(extraEnv);
        return ServiceProcess.builder(jar).name(name).env(serviceEnv)
                .jvmArgs("-Xmx384m", "-XX:TieredStopAtLevel=1").logFile(home.resolve(name + ".log"))
                .startTimeout(Duration.ofSeconds(180)).build();
    }

    @AfterAll
    static void stopSystem() {
        for (AutoCloseable closeable : new AutoCloseable[]{query, command, broker}) {
            try {
                if (closeable != null) {
                    closeable.close();
                }
            } catch (Exception ignored) {
                // best effort
            }
        }
    }

    static String partner(String id) {
        return DevTokens.mint("user-" + id, List.of("PARTNER"), id);
    }

    static String registration(String inn) {
        return """
                {"customer": {"legalName": "Drill %s", "country": "RU", "taxId": "%s"}, "productLine": "NETWORK_SECURITY",
                 "estimatedValue": {"amount": "500000", "currency": "RUB"}, "expectedCloseDate": "%s"}"""
                .formatted(inn, inn, LocalDate.now().plusDays(60));
    }

    /** Submits distinct customers for the partner until stopped; keeps the ids answered 201 and the INNs that failed. */
    static final class Burst implements AutoCloseable {
        final List<String> accepted = Collections.synchronizedList(new ArrayList<>());
        final List<String> failedInns = Collections.synchronizedList(new ArrayList<>());
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final Thread thread;

        Burst(HttpApi api, String partnerId) {
            thread = new Thread(() -> {
                while (running.get()) {
                    String inn = Inns.random();
                    try {
                        var answer = api.post("/api/v1/registrations", partner(partnerId), registration(inn));
                        if (answer.status() == 201) {
                            accepted.add(answer.text("registrationId"));
                        } else {
                            failedInns.add(inn);
                        }
                    } catch (RuntimeException connectionRefused) {
                        failedInns.add(inn);
                        sleep(50); // the client's back-off while the service is away, not a wait for a result
                    }
                }
            });
            thread.start();
        }

        void awaitAccepted(int count) {
            await().atMost(Duration.ofSeconds(60)).until(() -> accepted.size() >= count);
        }

        @Override
        public void close() throws InterruptedException {
            running.set(false);
            thread.join();
        }
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static void onboard(String partnerId) {
        var answer = commandApi.post("/api/v1/partners", ADMIN, "{\"partnerId\": \"" + partnerId
                + "\", \"name\": \"Drill\", \"tier\": \"GOLD\", \"productLines\": [\"NETWORK_SECURITY\"]}");
        assertThat(answer.status()).as(answer.raw()).isIn(201, 409);
    }

    /** Every acknowledged registration is stored once and projected once; partners: a LIKE pattern of their ids. */
    static void assertExactlyOnce(Set<String> accepted, String partners) throws Exception {
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250)).until(() ->
                count(queryUrl, "SELECT count(*) FROM registration_view WHERE partner_id LIKE '" + partners + "'")
                        >= accepted.size());
        assertThat(ids(commandUrl, "SELECT convert_from(payload, 'UTF8')::jsonb ->> 'registrationId' FROM domainevententry "
                + "WHERE payloadtype LIKE '%RegistrationSubmitted' AND convert_from(payload, 'UTF8')::jsonb ->> 'partnerId' LIKE '"
                + partners + "'")).as("event store").containsAll(accepted).doesNotHaveDuplicates();
        List<String> projected = ids(queryUrl, "SELECT registration_id FROM registration_view WHERE partner_id LIKE '" + partners + "'");
        assertThat(projected).as("read model").containsAll(accepted).doesNotHaveDuplicates();
        assertThat(count(queryUrl, "SELECT count(*) - count(DISTINCT event_id) FROM event_log")).isZero();
    }

    @Test
    @Order(1)
    void theKafkaBrokerStopsDuringABurstAndComesBack() throws Exception {
        onboard("P-K1");
        Set<String> accepted;
        try (Burst burst = new Burst(commandApi, "P-K1")) {
            burst.awaitAccepted(10);
            broker.stop();
            int beforeRestart = burst.accepted.size();
            burst.awaitAccepted(beforeRestart + 10); // registrations are still accepted: Kafka is not on the write path
            broker.start();
            burst.awaitAccepted(beforeRestart + 20);
            burst.close();
            accepted = new HashSet<>(burst.accepted);
        }
        assertExactlyOnce(accepted, "P-K1");
    }

    @Test
    @Order(2)
    void theCommandServiceIsKilledDuringABurst() throws Exception {
        List<String> partners = new ArrayList<>();
        for (int i = 1; i <= BURST_CLIENTS; i++) {
            partners.add("P-C1-" + i);
            onboard("P-C1-" + i);
        }
        long killedAt;
        List<SubmissionBurst.Submission> submissions;
        try (SubmissionBurst burst = new SubmissionBurst(commandApi, partners)) {
            burst.awaitAccepted(30);
            burst.awaitInFlight(BURST_CLIENTS / 2);
            killedAt = System.nanoTime();
            command.kill(); // SIGKILL; returns once the process is gone
            command.start();
            burst.awaitAccepted(burst.acceptedSoFar() + 30);
            burst.close();
            submissions = burst.submissions();
        }
        List<SubmissionBurst.Submission> cutOff = submissions.stream()
                .filter(s -> s.inFlightAt(killedAt) && s.unanswered()).toList();
        assertThat(cutOff).as("requests in flight at the kill that got no answer").isNotEmpty();
        Set<String> accepted = new HashSet<>(submissions.stream().filter(SubmissionBurst.Submission::accepted)
                .map(SubmissionBurst.Submission::registrationId).toList());
        assertThat(accepted).hasSize((int) submissions.stream().filter(SubmissionBurst.Submission::accepted).count());
        assertExactlyOnce(accepted, "P-C1-%");
        // a request that got no 201 is either not stored at all, or stored completely: its events, its lookup row, its
        // review deadline, and (once projected) its row in the read model
        List<SubmissionBurst.Submission> without201 = submissions.stream().filter(s -> !s.accepted()).toList();
        Map<String, List<String>> submittedBy = new HashMap<>(); // "partner customer key" -> registration ids
        for (String row : ids(commandUrl, "SELECT concat_ws(' ', p ->> 'partnerId', p ->> 'customerKey', "
                + "p ->> 'registrationId') FROM (SELECT convert_from(payload, 'UTF8')::jsonb AS p FROM domainevententry "
                + "WHERE payloadtype LIKE '%RegistrationSubmitted') s WHERE p ->> 'partnerId' LIKE 'P-C1-%'")) {
            String[] parts = row.split(" ");
            submittedBy.computeIfAbsent(parts[0] + " " + parts[1], k -> new ArrayList<>()).add(parts[2]);
        }
        Set<String> customersWithEvents = new HashSet<>(ids(commandUrl, "SELECT DISTINCT convert_from(payload, 'UTF8')"
                + "::jsonb ->> 'customerKey' FROM domainevententry"));
        int storedWithout201 = 0;
        for (SubmissionBurst.Submission s : without201) {
            List<String> stored = submittedBy.getOrDefault(s.partnerId() + " RU:" + s.inn(), List.of());
            assertThat(stored).as("submission without a 201: " + s).hasSizeLessThanOrEqualTo(1);
            if (stored.isEmpty()) {
                assertThat(customersWithEvents).as("no event of " + s).doesNotContain("RU:" + s.inn());
                continue;
            }
            storedWithout201++;
            String id = stored.get(0);
            assertThat(count(commandUrl, "SELECT count(*) FROM registration_lookup WHERE registration_id = '" + id + "'"))
                    .as("lookup of " + s).isEqualTo(1);
            assertThat(count(commandUrl, "SELECT count(*) FROM domainevententry WHERE payloadtype LIKE '%ReviewSlaStarted' "
                    + "AND convert_from(payload, 'UTF8')::jsonb ->> 'registrationId' = '" + id + "'"))
                    .as("review clock of " + s).isEqualTo(1);
            assertThat(count(commandUrl, "SELECT count(*) FROM scheduled_tasks WHERE task_name = 'AxonDeadline' "
                    + "AND convert_from(task_data, 'UTF8') LIKE '%" + id + "%'")).as("review deadline of " + s).isEqualTo(1);
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250)).until(() -> count(queryUrl,
                    "SELECT count(*) FROM registration_view WHERE registration_id = '" + id + "'") == 1);
        }
        assertThat(count(commandUrl, "SELECT count(*) FROM registration_lookup l WHERE NOT EXISTS "
                + "(SELECT 1 FROM domainevententry e WHERE e.eventidentifier = l.event_id)"))
                .as("lookup rows without their event").isZero();
        System.out.printf("command-service kill: %d requests, %d answered 201, %d cut off at the kill, %d more without "
                        + "an answer or a 201, %d of those stored completely, none partly%n", submissions.size(),
                accepted.size(), cutOff.size(), without201.size() - cutOff.size(), storedWithout201);
    }

    @Test
    @Order(3)
    void consumingTheWholeTopicAgainChangesNoReadModel() throws Exception {
        String checksum = "SELECT md5(string_agg(r::text, '|' ORDER BY r.registration_id)) FROM registration_view r";
        String before = text(queryUrl, checksum);
        long events = count(queryUrl, "SELECT count(*) FROM event_log");
        query.stop();
        String group = "replay-" + UUID.randomUUID();
        query = service(ProjectPaths.queryServiceJar(), "query-service", ProjectPaths.root()
                .resolve("infra/e2e-tests/target"), Map.of("LEADLEDGER_QUERY_GROUP", group));
        query.start();
        // the new consumer group starts from the beginning of the topic: wait until it has consumed all of it
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).until(() -> lagOf(group) == 0);
        assertThat(text(queryUrl, checksum)).isEqualTo(before);
        assertThat(count(queryUrl, "SELECT count(*) FROM event_log")).isEqualTo(events);
    }

    @Test
    @Order(4)
    void twoCommandInstancesRankConcurrentSubmissionsGaplessly() throws Exception {
        ServiceProcess second = service(ProjectPaths.commandServiceJar(), "command-service-2",
                ProjectPaths.root().resolve("infra/e2e-tests/target"), Map.of());
        second.start();
        try {
            List<HttpApi> instances = List.of(commandApi, new HttpApi(second.baseUrl()));
            String inn = Inns.random();
            int partners = 30;
            for (int i = 0; i < partners; i++) {
                onboard("P-T" + i);
            }
            ExecutorService pool = Executors.newFixedThreadPool(partners);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<HttpApi.Answer>> answers = new ArrayList<>();
            for (int i = 0; i < partners; i++) {
                HttpApi api = instances.get(i % 2);
                String token = partner("P-T" + i);
                Callable<HttpApi.Answer> submit = () -> {
                    go.await();
                    return api.post("/api/v1/registrations", token, registration(inn));
                };
                answers.add(pool.submit(submit));
            }
            go.countDown();
            String opportunity = null;
            for (Future<HttpApi.Answer> answer : answers) {
                HttpApi.Answer a = answer.get();
                assertThat(a.status()).as("retries on optimistic-lock conflicts are invisible: " + a.raw()).isEqualTo(201);
                opportunity = a.text("opportunityId");
            }
            pool.shutdown();
            List<String> positions = ids(commandUrl, "SELECT convert_from(payload, 'UTF8')::jsonb ->> 'position' FROM domainevententry "
                    + "WHERE aggregateidentifier = '" + opportunity + "' AND payloadtype LIKE '%RegistrationSubmitted' ORDER BY sequencenumber");
            List<String> expected = new ArrayList<>();
            for (int i = 1; i <= partners; i++) {
                expected.add(Integer.toString(i));
            }
            assertThat(positions).containsExactlyElementsOf(expected);
        } finally {
            second.stop();
        }
    }

    static long lagOf(String group) throws Exception {
        try (var admin = org.apache.kafka.clients.admin.AdminClient.create(
                Map.of("bootstrap.servers", broker.bootstrapServers()))) {
            var committed = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
            var topicPartitions = admin.describeTopics(List.of("leadledger.events")).allTopicNames().get()
                    .get("leadledger.events").partitions().stream()
                    .map(p -> new org.apache.kafka.common.TopicPartition("leadledger.events", p.partition())).toList();
            var ends = admin.listOffsets(topicPartitions.stream().collect(java.util.stream.Collectors.toMap(
                    tp -> tp, tp -> org.apache.kafka.clients.admin.OffsetSpec.latest()))).all().get();
            long lag = 0;
            for (var tp : topicPartitions) {
                long end = ends.get(tp).offset();
                var done = committed.get(tp);
                lag += end - (done == null ? 0 : done.offset());
            }
            return lag;
        }
    }

    static long count(String url, String sql) throws Exception {
        return Long.parseLong(text(url, sql));
    }

    static String text(String url, String sql) throws Exception {
        try (Connection db = DriverManager.getConnection(url, pg.username(), pg.password());
             ResultSet rs = db.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    static List<String> ids(String url, String sql) throws Exception {
        List<String> ids = new ArrayList<>();
        try (Connection db = DriverManager.getConnection(url, pg.username(), pg.password());
             ResultSet rs = db.createStatement().executeQuery(sql)) {
            while (rs.next()) {
                ids.add(rs.getString(1));
            }
        }
        return ids;
    }
}
