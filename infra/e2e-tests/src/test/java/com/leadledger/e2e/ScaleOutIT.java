package com.leadledger.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.leadledger.e2e.RegistrationLoad.Accepted;
import com.leadledger.e2e.RegistrationLoad.Failure;
import com.leadledger.localruntime.ProjectPaths;
import com.leadledger.localruntime.ServiceProcess;
import com.leadledger.testsupport.HttpApi;
import com.leadledger.testsupport.PostgresServer;
import com.leadledger.testsupport.TestInfrastructure;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.admin.NewTopic;
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
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static com.leadledger.e2e.LeadLedgerSystem.partnerToken;
import static com.leadledger.e2e.LeadLedgerSystem.staffToken;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Scale-out under load, with a crash of one instance of each service. Two command-service instances share one command
 * database; three query-service instances share one read database and form one Kafka consumer group, each consuming a
 * share of the topic's partitions. Clients submit registrations round robin to both command instances, some of them
 * competing for the same opportunities; after each {@link #ACCEPTED_BEFORE_EACH_KILL} acceptances one command instance,
 * then one query instance is SIGKILLed, and the load goes on for as many more. Afterwards every registration answered 201 is stored once, projected once, ranked without
 * gaps, and readable from each surviving query instance, and nothing is parked as a dead letter.
 */
@Tag("drill")
class ScaleOutIT {

    static final int CLIENTS = 12;
    static final int SHARED_CUSTOMERS = 60;
    static final int PARTITIONS = 6;
    /** Consumer threads per query instance, the default: each is a member of the group. */
    static final int CONSUMERS_PER_INSTANCE = 2;
    /** Accepted registrations before the command instance is killed, again before the query instance is, and after. */
    static final int ACCEPTED_BEFORE_EACH_KILL = 100;
    static final String ADMIN = staffToken("ADMIN");
    static final String MANAGER = staffToken("CHANNEL_MANAGER");

    static PostgresServer pg;
    static String commandDb;
    static String queryDb;
    static String topic;
    static String group;
    static final List<ServiceProcess> commands = new ArrayList<>();
    static final List<ServiceProcess> queries = new ArrayList<>();

    @BeforeAll
    static void startInstances() throws Exception {
        Path home = ProjectPaths.root().resolve("infra/e2e-tests/target/scale-out-" + UUID.randomUUID());
        Files.createDirectories(home);
        pg = TestInfrastructure.postgres();
        commandDb = pg.jdbcUrl(pg.freshDatabase("scale_command"));
        queryDb = pg.jdbcUrl(pg.freshDatabase("scale_query"));
        topic = "leadledger.events.scale-" + UUID.randomUUID();
        group = "leadledger-query-scale-" + UUID.randomUUID();
        try (Admin admin = kafkaAdmin()) {
            admin.createTopics(List.of(new NewTopic(topic, PARTITIONS, (short) 1))).all().get();
        }
        Map<String, String> env = new HashMap<>();
        env.put("SPRING_PROFILES_ACTIVE", "local");
        env.put("LEADLEDGER_COMMAND_DB_URL", commandDb);
        env.put("LEADLEDGER_QUERY_DB_URL", queryDb);
        env.putAll(pg.roles().environment()); // the application role, migrating as the migration owner
        env.put("LEADLEDGER_KAFKA_BOOTSTRAP", TestInfrastructure.kafka().bootstrapServers());
        env.put("LEADLEDGER_TOPIC", topic);
        env.put("LEADLEDGER_QUERY_GROUP", group);
        env.put("LEADLEDGER_QUERY_CONSUMERS", String.valueOf(CONSUMERS_PER_INSTANCE));
        env.put("LEADLEDGER_HOME", home.toString());
        env.put("LEADLEDGER_RECONCILIATION_ENABLED", "false"); // reconciliation has its own end-to-end test
        for (int i = 1; i <= 2; i++) {
            commands.add(service(ProjectPaths.commandServiceJar(), "command-" + i, home, env));
        }
        env.put("LEADLEDGER_COMMAND_URL", commands.get(1).baseUrl()); // the instance that survives
        for (int i = 1; i <= 3; i++) {
            // A killed member's partitions move to the others after the session timeout (Kafka's default: 45 s).
            queries.add(service(ProjectPaths.queryServiceJar(), "query-" + i, home, env,
                    LeadLedgerSystem.SHORT_KAFKA_SESSION));
        }
        // The first command instance alone creates the receipt key pair; the others start side by side.
        List<ServiceProcess> first = new ArrayList<>(queries);
        first.add(commands.get(0));
        ServiceProcess.startTogether(first.toArray(ServiceProcess[]::new));
        commands.get(1).start();
    }

    static ServiceProcess service(Path jar, String name, Path home, Map<String, String> env, String... args) {
        return ServiceProcess.builder(jar).name(name).env(env).args(args)
                .jvmArgs("-Xmx384m", "-XX:TieredStopAtLevel=1").logFile(home.resolve(name + ".log"))
                .startTimeout(Duration.ofSeconds(180)).build();
    }

    @AfterAll
    static void stopInstances() {
        List<ServiceProcess> all = new ArrayList<>(queries);
        all.addAll(commands);
        all.forEach(ServiceProcess::kill); // nothing of this system is needed afterwards
    }

    @Test
    void everyAcceptedRegistrationIsProjectedOnceAndReadableFromEverySurvivingQueryInstance() throws Exception {
        List<String> partners = IntStream.rangeClosed(1, CLIENTS).mapToObj(i -> "P-SO-%02d".formatted(i)).toList();
        HttpApi firstCommand = new HttpApi(commands.get(0).baseUrl());
        for (String partner : partners) {
            var answer = firstCommand.post("/api/v1/partners", ADMIN, "{\"partnerId\": \"" + partner
                    + "\", \"name\": \"Scale-out\", \"tier\": \"GOLD\", \"productLines\": [\"NETWORK_SECURITY\"]}");
            assertThat(answer.status()).as(answer.raw()).isEqualTo(201);
        }
        awaitGroupSharesAllPartitions(3);

        ServiceProcess killedCommand = commands.get(0);
        ServiceProcess killedQuery = queries.get(2);
        List<RegistrationLoad.Target> targets = commands.stream()
                .map(c -> new RegistrationLoad.Target(c.name(), new HttpApi(c.baseUrl()))).toList();
        long loadStart = System.nanoTime();
        int inFlightAtKill;
        List<Accepted> accepted;
        List<Failure> failures;
        try (RegistrationLoad load = new RegistrationLoad(targets, partners, SHARED_CUSTOMERS)) {
            awaitAccepted(load, ACCEPTED_BEFORE_EACH_KILL);
            inFlightAtKill = load.inFlight(killedCommand.name());
            killedCommand.kill();
            load.takeOutOfRotation(killedCommand.name());
            awaitAccepted(load, load.acceptedSoFar() + ACCEPTED_BEFORE_EACH_KILL);
            killedQuery.kill();
            awaitAccepted(load, load.acceptedSoFar() + ACCEPTED_BEFORE_EACH_KILL); // the load goes on past the kill
            load.close();
            accepted = load.accepted();
            failures = load.failures();
        }
        long loadEnd = System.nanoTime();
        double loadSeconds = (loadEnd - loadStart) / 1e9;
        System.out.printf("scale-out: %d registrations accepted in %.1f s (%.0f/s) by 2 command instances, %d "
                        + "without a 201 (%d in flight at the kill)%n", accepted.size(), loadSeconds,
                accepted.size() / loadSeconds, failures.size(), inFlightAtKill);

        assertThat(failures).as("requests that got no 201: only those the killed instance dropped").isNotEmpty()
                .allSatisfy(f -> assertThat(f.instance()).as(f.outcome()).isEqualTo(killedCommand.name()))
                .allSatisfy(f -> assertThat(f.outcome()).startsWith("HTTP call failed"));
        List<ServiceProcess> survivingQueries = queries.stream().filter(ServiceProcess::isRunning).toList();
        assertThat(survivingQueries).hasSize(2);

        awaitGroupSharesAllPartitions(2);
        awaitEveryStoredEventProjected();
        System.out.printf("scale-out: the read side caught up %.1f s after the load%n",
                (System.nanoTime() - loadEnd) / 1e9);

        StoredRegistrations stored = StoredRegistrations.read();
        System.out.printf("scale-out: %d registrations stored, %d opportunities with more than one%n",
                stored.ids().size(), stored.contested().size());
        assertStoredAndProjectedOnce(accepted, stored);
        for (ServiceProcess query : survivingQueries) {
            assertReadableFrom(new HttpApi(query.baseUrl()), accepted, stored, partners);
        }
        assertRankingsAreTheSameOnEveryInstance(survivingQueries, stored);
    }

    static void awaitAccepted(RegistrationLoad load, int count) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20))
                .until(() -> load.acceptedSoFar() >= count);
    }

    /**
     * The consumer group has the members of this many query instances, every member is assigned a partition, and
     * together they are assigned every partition of the topic.
     */
    static void awaitGroupSharesAllPartitions(int instances) {
        int members = instances * CONSUMERS_PER_INSTANCE;
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            try (Admin admin = kafkaAdmin()) {
                Collection<MemberDescription> current = admin.describeConsumerGroups(List.of(group)).all().get()
                        .get(group).members();
                assertThat(current).hasSize(members)
                        .allSatisfy(m -> assertThat(m.assignment().topicPartitions()).isNotEmpty());
                assertThat(current.stream().mapToInt(m -> m.assignment().topicPartitions().size()).sum())
                        .isEqualTo(PARTITIONS);
            }
        });
    }

    /** Every event in the event store is in the read side's event log, and the relay has nothing left to send. */
    static void awaitEveryStoredEventProjected() {
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250)).until(() ->
                count(commandDb, "SELECT count(*) FROM relay_outbox") == 0
                        && count(queryDb, "SELECT count(*) FROM event_log")
                        == count(commandDb, "SELECT count(*) FROM domainevententry"));
    }

    /** The registrations in the event store: id → opportunity, id → partner. */
    record StoredRegistrations(List<String> ids, Map<String, String> opportunityOf, Map<String, String> partnerOf) {

        static StoredRegistrations read() throws Exception {
            List<String> ids = new ArrayList<>();
            Map<String, String> opportunityOf = new HashMap<>();
            Map<String, String> partnerOf = new HashMap<>();
            for (List<String> row : rows(commandDb, """
                    SELECT convert_from(payload, 'UTF8')::jsonb ->> 'registrationId', aggregateidentifier,
                           convert_from(payload, 'UTF8')::jsonb ->> 'partnerId'
                    FROM domainevententry WHERE payloadtype LIKE '%RegistrationSubmitted'""")) {
                ids.add(row.get(0));
                opportunityOf.put(row.get(0), row.get(1));
                partnerOf.put(row.get(0), row.get(2));
            }
            return new StoredRegistrations(ids, opportunityOf, partnerOf);
        }

        Map<String, Set<String>> byOpportunity() {
            return opportunityOf.entrySet().stream().collect(Collectors.groupingBy(Map.Entry::getValue,
                    Collectors.mapping(Map.Entry::getKey, Collectors.toSet())));
        }

        /** Opportunities on which more than one registration competes. */
        Map<String, Set<String>> contested() {
            return byOpportunity().entrySet().stream().filter(e -> e.getValue().size() > 1)
                    .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        }

        long ofPartner(String partnerId) {
            return partnerOf.values().stream().filter(partnerId::equals).count();
        }
    }

    static void assertStoredAndProjectedOnce(List<Accepted> accepted, StoredRegistrations stored) throws Exception {
        Set<String> acceptedIds = accepted.stream().map(Accepted::registrationId).collect(Collectors.toSet());
        assertThat(acceptedIds).as("every 201 names its own registration").hasSize(accepted.size());
        assertThat(stored.ids()).as("event store: each registration submitted once").doesNotHaveDuplicates()
                .containsAll(acceptedIds);
        for (Accepted a : accepted) {
            assertThat(stored.opportunityOf().get(a.registrationId())).isEqualTo(a.opportunityId());
        }
        assertThat(stored.contested()).as("opportunities several partners competed for")
                .hasSizeGreaterThanOrEqualTo(3);

        List<String> storedEvents = column(commandDb, "SELECT eventidentifier FROM domainevententry");
        List<String> projectedEvents = column(queryDb, "SELECT event_id FROM event_log");
        assertThat(projectedEvents).as("event_log: every stored event once").doesNotHaveDuplicates()
                .hasSameSizeAs(storedEvents).containsExactlyInAnyOrderElementsOf(storedEvents);
        assertThat(column(queryDb, "SELECT registration_id FROM registration_view"))
                .as("registration_view: one row per stored registration").doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(stored.ids());
        assertThat(column(queryDb, """
                SELECT opportunity_id FROM registration_view GROUP BY opportunity_id
                HAVING min(position) <> 1 OR max(position) <> count(*) OR count(DISTINCT position) <> count(*)"""))
                .as("opportunities whose positions are not 1..n").isEmpty();
        assertThat(count(queryDb, "SELECT count(*) FROM dead_letter")).as("dead letters").isZero();
    }

    /** Each partner's registrations and each contested opportunity's ranking, as this query instance answers them. */
    static void assertReadableFrom(HttpApi query, List<Accepted> accepted, StoredRegistrations stored,
                                   List<String> partners) {
        Map<String, List<String>> acceptedByPartner = accepted.stream().collect(Collectors.groupingBy(
                Accepted::partnerId, Collectors.mapping(Accepted::registrationId, Collectors.toList())));
        for (String partner : partners) {
            List<String> listed = listedRegistrations(query, partner);
            assertThat(listed).as("%s's registrations on %s", partner, query).doesNotHaveDuplicates()
                    .containsAll(acceptedByPartner.getOrDefault(partner, List.of()))
                    .hasSize((int) stored.ofPartner(partner));
        }
        stored.contested().forEach((opportunity, registrations) -> {
            JsonNode ranking = ranking(query, opportunity);
            List<Integer> positions = new ArrayList<>();
            Set<String> ranked = new HashSet<>();
            ranking.forEach(entry -> {
                positions.add(entry.get("position").asInt());
                ranked.add(entry.get("registrationId").asText());
            });
            assertThat(positions).as("positions on %s", opportunity)
                    .containsExactlyElementsOf(IntStream.rangeClosed(1, registrations.size()).boxed().toList());
            assertThat(ranked).as("ranking of %s", opportunity).isEqualTo(registrations);
        });
    }

    static void assertRankingsAreTheSameOnEveryInstance(List<ServiceProcess> queries, StoredRegistrations stored) {
        for (String opportunity : stored.contested().keySet()) {
            List<JsonNode> answers = queries.stream()
                    .map(q -> ranking(new HttpApi(q.baseUrl()), opportunity)).toList();
            assertThat(answers).as("ranking of %s on each instance", opportunity).containsOnly(answers.get(0));
        }
    }

    static List<String> listedRegistrations(HttpApi query, String partner) {
        List<String> ids = new ArrayList<>();
        for (int page = 0; ; page++) {
            var answer = query.get("/api/v1/registrations?size=200&page=" + page, partnerToken(partner));
            assertThat(answer.status()).as(answer.raw()).isEqualTo(200);
            answer.body().get("items").forEach(item -> ids.add(item.get("registrationId").asText()));
            if (ids.size() >= answer.body().get("total").asInt() || answer.body().get("items").isEmpty()) {
                return ids;
            }
        }
    }

    static JsonNode ranking(HttpApi query, String opportunity) {
        var answer = query.get("/api/v1/opportunities/" + opportunity, MANAGER);
        assertThat(answer.status()).as(answer.raw()).isEqualTo(200);
        return answer.body().get("ranking");
    }

    static Admin kafkaAdmin() {
        return Admin.create(Map.of("bootstrap.servers", TestInfrastructure.kafka().bootstrapServers()));
    }

    static long count(String url, String sql) throws Exception {
        return Long.parseLong(column(url, sql).get(0));
    }

    static List<String> column(String url, String sql) throws Exception {
        return rows(url, sql).stream().map(row -> row.get(0)).toList();
    }

    static List<List<String>> rows(String url, String sql) throws Exception {
        List<List<String>> rows = new ArrayList<>();
        try (Connection db = DriverManager.getConnection(url, pg.username(), pg.password());
             ResultSet rs = db.createStatement().executeQuery(sql)) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= columns; i++) {
                    row.add(rs.getString(i));
                }
                rows.add(row);
            }
        }
        return rows;
    }
}
