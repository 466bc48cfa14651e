package com.leadledger.e2e;

import com.leadledger.e2e.SubmissionBurst.Submission;
import com.leadledger.localruntime.DevTokens;
import com.leadledger.localruntime.LocalPostgres;
import com.leadledger.localruntime.ProjectPaths;
import com.leadledger.localruntime.ServiceProcess;
import com.leadledger.testsupport.HttpApi;
import com.leadledger.testsupport.PostgresServer;
import com.leadledger.testsupport.TestInfrastructure;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * PostgreSQL itself crashes under load: a server of this test's own, durable as in production ({@code fsync},
 * {@code synchronous_commit} and {@code full_page_writes} on; the shared test server runs without them), is killed
 * with SIGKILL to its postmaster while concurrent clients submit, then started again on the same data directory (crash
 * recovery from the WAL). Every registration answered 201 before the kill must be in the event store afterwards.
 *
 * <p>A postmaster SIGKILL is not an OS crash: the kernel's page cache survives it, so this drill cannot tell
 * {@code fsync=off} from on. What it does catch is an acknowledgement before the commit record left PostgreSQL's own
 * memory, e.g. {@code synchronous_commit=off}, whose commit record waits in the WAL buffers for the WAL writer.
 */
@Tag("drill")
class PostgresKillDrillIT {

    static final int CLIENTS = 16;
    /** As in production (docs/operations.md); the drill proves the 201s survive a crash of the server with them. */
    static final Map<String, String> DURABLE = Map.of("fsync", "on", "synchronous_commit", "on",
            "full_page_writes", "on");
    static final String ADMIN = DevTokens.mint("admin", List.of("ADMIN"), null);

    static Path home;
    static LocalPostgres postgres;
    static PostgresServer server;
    static String commandUrl;
    static ServiceProcess command;
    static HttpApi commandApi;

    @BeforeAll
    static void startSystem() throws Exception {
        home = ProjectPaths.root().resolve("infra/e2e-tests/target/postgres-kill-" + UUID.randomUUID());
        Files.createDirectories(home);
        postgres = startPostgres(0);
        server = TestInfrastructure.serverOf(postgres);
        commandUrl = server.jdbcUrl(server.freshDatabase("pgkill_command"));
        Map<String, String> env = new HashMap<>();
        env.put("SPRING_PROFILES_ACTIVE", "local");
        env.put("LEADLEDGER_COMMAND_DB_URL", commandUrl);
        env.putAll(server.roles().environment());
        env.put("LEADLEDGER_KAFKA_BOOTSTRAP", TestInfrastructure.kafka().bootstrapServers());
        env.put("LEADLEDGER_TOPIC", "leadledger.events.pgkill-" + UUID.randomUUID());
        env.put("LEADLEDGER_HOME", home.toString());
        command = ServiceProcess.builder(ProjectPaths.commandServiceJar()).name("command-service").env(env)
                .jvmArgs("-Xmx384m", "-XX:TieredStopAtLevel=1").logFile(home.resolve("command-service.log"))
                .startTimeout(Duration.ofSeconds(180)).build();
        command.start();
        commandApi = new HttpApi(command.baseUrl());
    }

    /**
     * A new cluster the first time, the same one recovered after the kill: the data directory is kept (it is a new
     * one per run), also at close, which would otherwise delete it under the restarted server.
     */
    static LocalPostgres startPostgres(int port) throws Exception {
        LocalPostgres.Builder builder = LocalPostgres.builder().dataDirectory(home.resolve("pgdata")).keepData(true)
                .port(port).logFile(home.resolve("postgres.log")).setting("max_connections", "100");
        DURABLE.forEach(builder::setting);
        return builder.start();
    }

    @AfterAll
    static void stopSystem() throws Exception {
        if (command != null) {
            command.kill();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void everyRegistrationAnswered201BeforeThePostmasterWasKilledIsStoredAfterRecovery() throws Exception {
        assertThat(settings()).as("the server runs as this drill says").containsAllEntriesOf(DURABLE);
        List<String> partners = IntStream.rangeClosed(1, CLIENTS).mapToObj(i -> "P-PG-" + i).toList();
        for (String partner : partners) {
            var answer = commandApi.post("/api/v1/partners", ADMIN, "{\"partnerId\": \"" + partner
                    + "\", \"name\": \"Drill\", \"tier\": \"GOLD\", \"productLines\": [\"NETWORK_SECURITY\"]}");
            assertThat(answer.status()).as(answer.raw()).isEqualTo(201);
        }
        long killedAt;
        int acceptedAtRestart;
        List<Submission> submissions;
        try (SubmissionBurst burst = new SubmissionBurst(commandApi, partners)) {
            burst.awaitAccepted(100);
            burst.awaitInFlight(CLIENTS / 2);
            killedAt = System.nanoTime();
            int port = postgres.port();
            postgres.killPostmaster();
            postgres = startPostgres(port);
            acceptedAtRestart = burst.acceptedSoFar();
            burst.awaitAccepted(acceptedAtRestart + 50); // the service recovered on its own
            burst.close();
            submissions = burst.submissions();
        }
        List<Submission> answeredBeforeKill = submissions.stream()
                .filter(s -> s.accepted() && s.endedAt() < killedAt).toList();
        List<Submission> accepted = submissions.stream().filter(Submission::accepted).toList();
        List<Submission> inFlightAtKill = submissions.stream().filter(s -> s.inFlightAt(killedAt)).toList();
        List<Submission> failedInFlight = inFlightAtKill.stream().filter(s -> !s.accepted()).toList();
        System.out.printf("PostgreSQL kill: %d requests, %d answered 201 before the kill, %d in all; %d in flight at "
                        + "the kill, %d of them without a 201 (%s); %d answered 201 after the restart%n",
                submissions.size(), answeredBeforeKill.size(), accepted.size(), inFlightAtKill.size(),
                failedInFlight.size(), failedInFlight.stream().map(s -> s.status() + "").distinct().toList(),
                accepted.size() - acceptedAtRestart);
        assertThat(answeredBeforeKill).hasSizeGreaterThanOrEqualTo(100);
        // The kill hits requests in flight; whether any of them fails depends on where each one was (the command
        // retry carries those that only lost their commit across a quick restart to a 201), so the drill requires
        // requests in flight, not failures.
        assertThat(inFlightAtKill).as("requests in flight at the kill").isNotEmpty();

        List<String> stored = storedRegistrationIds();
        assertThat(stored).as("registrations in the event store").doesNotHaveDuplicates();
        assertThat(stored).as("every 201 answered before the kill")
                .containsAll(answeredBeforeKill.stream().map(Submission::registrationId).toList());
        assertThat(stored).as("every 201").containsAll(accepted.stream().map(Submission::registrationId).toList());

        assertThat(submissions).as("sent after the kill and not answered 201: 503 while the database was away")
                .filteredOn(s -> s.sentAt() > killedAt && !s.accepted())
                .allSatisfy(s -> assertThat(s.status()).as(s.toString()).isEqualTo(503));
        // Also a request whose INSERT the crash cut off, which Axon reports as a reused aggregate identifier.
        assertThat(failedInFlight).as("in flight at the kill and not answered 201")
                .allSatisfy(s -> assertThat(s.status()).as(s.toString()).isIn(0, 503));
    }

    static Map<String, String> settings() throws Exception {
        Map<String, String> settings = new HashMap<>();
        try (Connection db = postgres.connect("postgres"); ResultSet rs = db.createStatement().executeQuery(
                "SELECT name, setting FROM pg_settings WHERE name IN ('" + String.join("', '", DURABLE.keySet()) + "')")) {
            while (rs.next()) {
                settings.put(rs.getString(1), rs.getString(2));
            }
        }
        return settings;
    }

    static List<String> storedRegistrationIds() throws Exception {
        List<String> ids = new ArrayList<>();
        try (Connection db = DriverManager.getConnection(commandUrl, server.username(), server.password());
             ResultSet rs = db.createStatement().executeQuery("""
                     SELECT convert_from(payload, 'UTF8')::jsonb ->> 'registrationId' FROM domainevententry
                     WHERE payloadtype LIKE '%RegistrationSubmitted'""")) {
            while (rs.next()) {
                ids.add(rs.getString(1));
            }
        }
        return ids;
    }
}
