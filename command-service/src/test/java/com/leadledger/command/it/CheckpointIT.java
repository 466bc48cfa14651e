package com.leadledger.command.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.leadledger.command.checkpoint.CheckpointWriter;
import com.leadledger.integrity.history.JdbcHistoryVerifier;
import com.leadledger.localruntime.DevTokens;
import com.leadledger.testsupport.HttpApi;
import com.leadledger.testsupport.Inns;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checkpoints over the real event store: sealed over exactly the committed rows, published to auditors, and
 * re-computed by the verifier, which then catches what the per-stream chains cannot (a whole stream removed with its
 * head, a trailing event removed with its head rewound) and names the global index. The schedule is off here so that
 * each test decides when sealing happens (the end-to-end reconciliation test runs it on its schedule).
 */
// Own context: checkpoints sealed only when a test says, over a whole database no other class writes to.
@DirtiesContext
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CheckpointIT {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        RealInfrastructure.register(registry, "checkpoint_it");
        registry.add("leadledger.checkpoints.enabled", () -> "false");
        registry.add("leadledger.checkpoints.max-span", () -> "5");
        registry.add("leadledger.checkpoints.lock-timeout", () -> "30s");
    }

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    DataSource dataSource;
    @Autowired
    CheckpointWriter writer;

    static String opportunity;
    HttpApi http;
    final String admin = DevTokens.mint("admin", List.of("ADMIN"), null);
    final String auditor = DevTokens.mint("auditor", List.of("AUDITOR"), null);

    @BeforeEach
    void history() {
        http = new HttpApi("http://localhost:" + port);
        if (opportunity != null) {
            return;
        }
        String inn = Inns.random();
        for (String partner : List.of("P-C1", "P-C2", "P-C3")) {
            onboard(partner);
            JsonNode answer = http.post("/api/v1/registrations", DevTokens.mint("u", List.of("PARTNER"), partner), """
                    {"customer": {"legalName": "Checkpoint", "country": "RU", "taxId": "%s"},
                     "productLine": "NETWORK_SECURITY", "estimatedValue": {"amount": "500000", "currency": "RUB"},
                     "expectedCloseDate": "%s"}""".formatted(inn, LocalDate.now().plusDays(30))).body();
            opportunity = answer.get("opportunityId").asText();
        }
    }

    void onboard(String partner) {
        assertThat(http.post("/api/v1/partners", admin, "{\"partnerId\": \"" + partner + "\", \"name\": \"C\", "
                + "\"tier\": \"GOLD\", \"productLines\": [\"NETWORK_SECURITY\"]}").status()).isEqualTo(201);
    }

    long maxIndex() {
        return jdbc.sql("SELECT max(globalindex) FROM domainevententry").query(Long.class).single();
    }

    long coveredUpTo() {
        return jdbc.sql("SELECT coalesce(max(last_index), 0) FROM chain_checkpoint").query(Long.class).single();
    }

    long indexOf(String stream, long sequence) {
        return jdbc.sql("SELECT globalindex FROM domainevententry WHERE aggregateidentifier = :s AND sequencenumber = :q")
                .param("s", stream).param("q", sequence).query(Long.class).single();
    }

    /** Verified as the service's own role, which may read the history. */
    JdbcHistoryVerifier.Report verify(String events, String heads, String checkpoints) throws Exception {
        return verify(dataSource, events, heads, checkpoints);
    }

    static JdbcHistoryVerifier.Report verify(DataSource as, String events, String heads, String checkpoints)
            throws Exception {
        try (Connection connection = as.getConnection()) {
            return JdbcHistoryVerifier.verify(connection, events, heads, checkpoints, null, null);
        }
    }

    /** Trigger-less copies of the events, heads and checkpoints, then the tampering statements on the copies. */
    JdbcHistoryVerifier.Report tamperWith(String... statements) throws Exception {
        DataSource superuser = RealInfrastructure.superuser(dataSource);
        JdbcClient tamper = JdbcClient.create(superuser);
        for (String table : List.of("copy_events", "copy_heads", "copy_checkpoints")) {
            tamper.sql("DROP TABLE IF EXISTS " + table).update();
        }
        tamper.sql("CREATE TABLE copy_events AS SELECT * FROM domainevententry").update();
        tamper.sql("CREATE TABLE copy_heads AS SELECT * FROM stream_head").update();
        tamper.sql("CREATE TABLE copy_checkpoints AS SELECT * FROM chain_checkpoint").update();
        for (String statement : statements) {
            tamper.sql(statement.replace(":opp", "'" + opportunity + "'")).update();
        }
        return verify(superuser, "copy_events", "copy_heads", "copy_checkpoints");
    }

    @Test
    @Order(1)
    void checkpointsCoverEveryCommittedEventChainAndArePublishedToAuditors() throws Exception {
        assertThat(writer.writeDue()).isPositive();
        assertThat(coveredUpTo()).isEqualTo(maxIndex());
        assertThat(writer.writeDue()).as("nothing new: nothing sealed").isZero();

        var report = verify("domainevententry", "stream_head", "chain_checkpoint");
        assertThat(report.intact()).as(report.describe()).isTrue();
        long count = jdbc.sql("SELECT count(*) FROM chain_checkpoint").query(Long.class).single();
        assertThat(report.checkpoints()).isEqualTo(count).isGreaterThan(1); // max-span 5 splits the history

        HttpApi.Answer page = http.get("/api/v1/audit/checkpoints?size=2", auditor);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body().get("total").asLong()).isEqualTo(count);
        JsonNode first = page.body().get("items").get(0);
        assertThat(first.get("number").asLong()).isEqualTo(1);
        assertThat(first.get("firstIndex").asLong()).isEqualTo(1);
        assertThat(first.get("previousHash").asText()).isEqualTo("0".repeat(64));
        assertThat(page.body().get("items").get(1).get("previousHash").asText())
                .isEqualTo(first.get("checkpointHash").asText());

        JsonNode heads = http.get("/api/v1/audit/heads", auditor).body();
        assertThat(heads.get("maxGlobalIndex").asLong()).isEqualTo(maxIndex());
        assertThat(heads.get("latestCheckpoint").get("lastIndex").asLong()).isEqualTo(maxIndex());
        assertThat(heads.get("checkpoints").asLong()).isEqualTo(count);

        String partner = DevTokens.mint("u", List.of("PARTNER"), "P-C1");
        assertThat(http.get("/api/v1/audit/checkpoints", partner).status()).isEqualTo(403);
        assertThat(http.get("/api/v1/audit/heads", admin).status()).isEqualTo(403);
        assertThat(http.get("/api/v1/audit/checkpoints", null).status()).isEqualTo(401);
    }

    /** Even for a role that may change every table (the superuser): the service's own may not at all. */
    @Test
    @Order(2)
    void theCheckpointTableIsAppendOnly() {
        writer.writeDue();
        JdbcClient superuser = JdbcClient.create(RealInfrastructure.superuser(dataSource));
        for (String change : List.of("UPDATE chain_checkpoint SET event_count = 0", "DELETE FROM chain_checkpoint",
                "TRUNCATE chain_checkpoint")) {
            assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> superuser.sql(change).update()))
                    .as(change).rootCause().hasMessageContaining("append-only");
            assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> jdbc.sql(change).update()))
                    .as(change).rootCause().hasMessageContaining("permission denied");
        }
    }

    @Test
    @Order(3)
    void aWholeStreamRemovedWithItsHeadPassesTheChainsButNotTheCheckpoints() throws Exception {
        writer.writeDue();
        long first = indexOf("P-C2", 0);
        var report = tamperWith("DELETE FROM copy_events WHERE aggregateidentifier = 'P-C2'",
                "DELETE FROM copy_heads WHERE aggregateidentifier = 'P-C2'");
        assertThat(report.firstBreak()).as("the per-stream chains alone cannot tell").isEmpty();
        assertThat(report.checkpointBreak()).hasValueSatisfying(b -> {
            assertThat(b.kind()).isEqualTo("EVENT_MISSING");
            assertThat(b.globalIndex()).isEqualTo(first);
            assertThat(b.firstIndex()).isLessThanOrEqualTo(first);
            assertThat(b.lastIndex()).isGreaterThanOrEqualTo(first);
        });
        assertThat(report.intact()).isFalse();
    }

    @Test
    @Order(4)
    void aTrailingEventRemovedWithItsHeadRewoundIsNamedByItsGlobalIndex() throws Exception {
        writer.writeDue();
        long last = jdbc.sql("SELECT max(sequencenumber) FROM domainevententry WHERE aggregateidentifier = :opp")
                .param("opp", opportunity).query(Long.class).single();
        long index = indexOf(opportunity, last);
        var report = tamperWith("DELETE FROM copy_events WHERE aggregateidentifier = :opp AND sequencenumber = " + last,
                "UPDATE copy_heads h SET last_sequence = e.sequencenumber, head_hash = e.event_hash, "
                        + "event_count = h.event_count - 1 FROM copy_events e WHERE h.aggregateidentifier = :opp "
                        + "AND e.aggregateidentifier = :opp AND e.sequencenumber = " + (last - 1));
        assertThat(report.firstBreak()).isEmpty();
        assertThat(report.checkpointBreak()).hasValueSatisfying(b -> {
            assertThat(b.kind()).isEqualTo("EVENT_MISSING");
            assertThat(b.globalIndex()).isEqualTo(index);
        });
    }

    @Test
    @Order(5)
    void eventsSwappedInTheGlobalOrderChangeTheRootOfTheirCheckpoint() throws Exception {
        writer.writeDue();
        var moved = tamperWith("UPDATE copy_events SET globalindex = -globalindex WHERE globalindex IN (2, 3)",
                "UPDATE copy_events SET globalindex = 5 + globalindex WHERE globalindex IN (-2, -3)");
        assertThat(moved.firstBreak()).isEmpty();
        assertThat(moved.checkpointBreak()).hasValueSatisfying(b -> {
            assertThat(b.kind()).isEqualTo("ROOT_MISMATCH");
            assertThat(b.checkpoint()).isEqualTo(1);
        });
    }

    @Test
    @Order(6)
    void anInsertStillInFlightIsWaitedForInsteadOfBeingRecordedAsAGap() throws Exception {
        writer.writeDue();
        String copyRow = "INSERT INTO domainevententry (aggregateidentifier, sequencenumber, type, eventidentifier, "
                + "metadata, payload, payloadrevision, payloadtype, timestamp) SELECT ?, 0, type, ?, metadata, payload, "
                + "payloadrevision, payloadtype, timestamp FROM domainevententry WHERE aggregateidentifier = '" + opportunity + "' "
                + "AND sequencenumber = 0 RETURNING globalindex";
        try (Connection late = dataSource.getConnection(); Connection early = dataSource.getConnection()) {
            late.setAutoCommit(false);
            long lateIndex = insert(late, copyRow, "late-" + UUID.randomUUID());
            long earlyIndex = insert(early, copyRow, "early-" + UUID.randomUUID()); // commits at once
            assertThat(earlyIndex).isGreaterThan(lateIndex);

            CompletableFuture<Integer> sealing = CompletableFuture.supplyAsync(writer::writeDue);
            Conditions.awaitBlockedBy(late.getMetaData().getURL(), Conditions.backendPid(late),
                    "sealing waits for the lock the insert in flight holds");
            assertThat(sealing).as("sealing waits for the insert in flight").isNotDone();
            late.commit();
            assertThat(sealing.get(30, TimeUnit.SECONDS)).isPositive();

            assertThat(coveredUpTo()).isGreaterThanOrEqualTo(earlyIndex);
            assertThat(jdbc.sql("SELECT count(*) FROM chain_checkpoint WHERE :i = ANY(gaps)").param("i", lateIndex)
                    .query(Long.class).single()).isZero();
        }
        var report = verify("domainevententry", "stream_head", "chain_checkpoint");
        assertThat(report.intact()).as(report.describe()).isTrue();
    }

    @Test
    @Order(7)
    void twoInstancesSealingAtOnceWriteOneUnbrokenChain() throws Exception {
        for (int i = 0; i < 4; i++) {
            onboard("P-R" + i + "-" + UUID.randomUUID().toString().substring(0, 6));
        }
        CompletableFuture<Integer> a = CompletableFuture.supplyAsync(writer::writeDue);
        CompletableFuture<Integer> b = CompletableFuture.supplyAsync(writer::writeDue);
        a.get(30, TimeUnit.SECONDS);
        b.get(30, TimeUnit.SECONDS);
        writer.writeDue();
        assertThat(coveredUpTo()).isEqualTo(maxIndex());
        var report = verify("domainevententry", "stream_head", "chain_checkpoint");
        assertThat(report.intact()).as(report.describe()).isTrue();
        assertThat(jdbc.sql("SELECT count(*) = count(DISTINCT first_index) FROM chain_checkpoint").query(Boolean.class)
                .single()).isTrue();
    }

    /** Last: it removes a row from the live store, as a database owner bypassing the trigger could. */
    @Test
    @Order(8)
    void anEventDeletedFromTheLiveStoreIsNamedByTheCheckpointVerification() throws Exception {
        writer.writeDue();
        long index = indexOf(opportunity, 2);
        String eventId = jdbc.sql("SELECT eventidentifier FROM domainevententry WHERE globalindex = :i")
                .param("i", index).query(String.class).single();
        try (Connection owner = RealInfrastructure.superuser(dataSource).getConnection();
             Statement sql = owner.createStatement()) {
            sql.execute("SET session_replication_role = replica");
            sql.execute("DELETE FROM domainevententry WHERE eventidentifier = '" + eventId + "'");
            sql.execute("SET session_replication_role = DEFAULT");
        }
        var report = verify("domainevententry", "stream_head", "chain_checkpoint");
        assertThat(report.firstBreak()).hasValueSatisfying(b -> assertThat(b.kind()).isEqualTo("SEQUENCE_GAP"));
        assertThat(report.checkpointBreak()).hasValueSatisfying(b -> {
            assertThat(b.kind()).isEqualTo("EVENT_MISSING");
            assertThat(b.globalIndex()).isEqualTo(index);
            assertThat(b.describe()).contains("at global index " + index);
        });
    }

    private static long insert(Connection connection, String sql, String id) throws Exception {
        try (var statement = connection.prepareStatement(sql)) {
            statement.setString(1, id);
            statement.setString(2, id);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }
}
