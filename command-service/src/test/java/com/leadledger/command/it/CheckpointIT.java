package com.leadledger.command.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.leadledger.command.audit.SigningKeyRing;
import com.leadledger.command.checkpoint.CheckpointWriter;
import com.leadledger.integrity.Hashes;
import com.leadledger.integrity.checkpoint.Checkpoint;
import com.leadledger.integrity.checkpoint.CheckpointBuilder;
import com.leadledger.integrity.history.JdbcHistoryVerifier;
import com.leadledger.integrity.proof.LogTree;
import com.leadledger.integrity.proof.ProofVerifier;
import com.leadledger.integrity.proof.TreeHead;
import com.leadledger.localruntime.DevTokens;
import com.leadledger.testsupport.HttpApi;
import com.leadledger.testsupport.Inns;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.util.ReflectionTestUtils;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.security.PublicKey;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checkpoints over the real event store: sealed over exactly the committed rows, published to auditors, and
 * re-computed by the verifier, which then catches what the per-stream chains cannot (a whole stream removed with its
 * head, a trailing event removed with its head rewound) and names the global index; each with a signed tree head over
 * the whole log, and inclusion and consistency proofs and sealed receipts against it. The schedule is off here so that
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
    @Autowired
    ApplicationContext context;
    @Autowired
    SigningKeyRing keys;
    @Autowired
    MeterRegistry meters;

    static final HexFormat HEX = HexFormat.of();
    static String opportunity;
    /** The first partner's registration and the receipt its submission was answered with. */
    static JsonNode firstSubmission;
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
            if (firstSubmission == null) {
                firstSubmission = answer;
            }
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

        // the events after a global index, counted without counting the whole store
        long stored = jdbc.sql("SELECT count(*) FROM domainevententry").query(Long.class).single();
        long firstLast = first.get("lastIndex").asLong();
        long afterFirst = jdbc.sql("SELECT count(*) FROM domainevententry WHERE globalindex > ?").param(firstLast)
                .query(Long.class).single();
        assertThat(afterFirst).isPositive().isLessThan(stored);
        JsonNode tail = http.get("/api/v1/audit/heads/after?globalIndex=" + firstLast, auditor).body();
        assertThat(tail.get("afterGlobalIndex").asLong()).isEqualTo(firstLast);
        assertThat(tail.get("events").asLong()).isEqualTo(afterFirst);
        assertThat(tail.get("maxGlobalIndex").asLong()).isEqualTo(maxIndex());
        assertThat(http.get("/api/v1/audit/heads/after?globalIndex=0", auditor).body().get("events").asLong())
                .isEqualTo(heads.get("events").asLong()).isEqualTo(stored);
        for (String bad : List.of("?globalIndex=-1", "?globalIndex=abc", "?globalIndex=", "")) {
            HttpApi.Answer refused = http.get("/api/v1/audit/heads/after" + bad, auditor);
            assertThat(refused.status()).as(bad).isEqualTo(400);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.text("code")).as(bad).isEqualTo("VALIDATION_FAILED");
            assertThat(refused.body().get("errors").get(0).get("field").asText()).as(bad).isEqualTo("globalIndex");
        }

        String partner = DevTokens.mint("u", List.of("PARTNER"), "P-C1");
        assertThat(http.get("/api/v1/audit/checkpoints", partner).status()).isEqualTo(403);
        assertThat(http.get("/api/v1/audit/heads", admin).status()).isEqualTo(403);
        assertThat(http.get("/api/v1/audit/checkpoints", null).status()).isEqualTo(401);
    }

    /** Even for a role that may change every table (the superuser): the service's own may not at all. Tree heads too. */
    @Test
    @Order(2)
    void theCheckpointTableIsAppendOnly() {
        writer.writeDue();
        JdbcClient superuser = JdbcClient.create(RealInfrastructure.superuser(dataSource));
        for (String change : List.of("UPDATE chain_checkpoint SET event_count = 0", "DELETE FROM chain_checkpoint",
                "TRUNCATE chain_checkpoint", "UPDATE checkpoint_tree_head SET tree_size = 0",
                "DELETE FROM checkpoint_tree_head", "TRUNCATE checkpoint_tree_head")) {
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

    @Test
    @Order(8)
    void everyCheckpointHasATreeHeadOverTheWholeLogSignedWithAPublishedKey() {
        writer.writeDue();
        JsonNode items = http.get("/api/v1/audit/checkpoints?size=100", auditor).body().get("items");
        assertThat(items).isNotEmpty();
        long events = 0;
        for (JsonNode checkpoint : items) {
            events += checkpoint.get("eventCount").asLong();
            TreeHead head = treeHead(checkpoint);
            assertThat(head.treeSize()).isEqualTo(events);
            assertThat(head.rootHash()).isEqualTo(Hashes.hex(logTree(checkpoint.get("lastIndex").asLong())
                    .root((int) events)));
            assertThat(checkpoint.get("algorithm").asText()).isEqualTo("Ed25519");
            assertThat(head.signatureIsValid(publishedKey(head.keyId()))).as(head.canonical()).isTrue();
        }
        JsonNode latest = http.get("/api/v1/audit/heads", auditor).body().get("latestCheckpoint");
        assertThat(latest.get("signature").asText()).isEqualTo(items.get(items.size() - 1).get("signature").asText());
    }

    @Test
    @Order(9)
    void anInclusionProofLeadsFromTheEventToTheSignedRootAndNoAlteredOneDoes() {
        writer.writeDue();
        String eventId = eventIdAt(indexOf(opportunity, 0));
        long lastCheckpoint = jdbc.sql("SELECT max(checkpoint_no) FROM chain_checkpoint").query(Long.class).single();
        for (long number : List.of(firstCovering(eventId), lastCheckpoint)) {
            HttpApi.Answer answer = http.get("/api/v1/audit/checkpoints/" + number + "/proof?eventId=" + eventId,
                    auditor);
            assertThat(answer.status()).as(answer.raw()).isEqualTo(200);
            JsonNode proof = answer.body();
            assertThat(proof.get("globalIndex").asLong()).isEqualTo(indexOf(opportunity, 0));
            assertThat(proof.get("leafIndex").asLong()).isEqualTo(jdbc.sql(
                    "SELECT count(*) FROM domainevententry WHERE globalindex < :i")
                    .param("i", proof.get("globalIndex").asLong()).query(Long.class).single());
            assertThat(proof.get("leafHash").asText())
                    .isEqualTo(Hashes.hex(LogTree.leafHash(HEX.parseHex(proof.get("eventHash").asText()))));
            assertThat(proof.get("checkpoint").get("number").asLong()).isEqualTo(number);
            List<byte[]> path = hashes(proof.get("auditPath"));
            byte[] leaf = HEX.parseHex(proof.get("leafHash").asText());
            byte[] root = HEX.parseHex(proof.get("checkpoint").get("rootHash").asText());
            long index = proof.get("leafIndex").asLong();
            long size = proof.get("treeSize").asLong();
            assertThat(ProofVerifier.verifyInclusion(leaf, index, size, path, root)).isTrue();
            assertThat(treeHead(proof.get("checkpoint")).signatureIsValid(publishedKey(
                    proof.get("checkpoint").get("keyId").asText()))).isTrue();
            if (!path.isEmpty()) {
                path.get(0)[0] ^= 1;
                assertThat(ProofVerifier.verifyInclusion(leaf, index, size, path, root)).isFalse();
            }
        }
        assertThat(http.get("/api/v1/audit/checkpoints/" + (lastCheckpoint + 1) + "/proof?eventId=" + eventId,
                auditor).status()).isEqualTo(404);
        HttpApi.Answer unknown = http.get("/api/v1/audit/checkpoints/1/proof?eventId=no-such-event", auditor);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.contentType()).startsWith("application/problem+json");

        onboard("P-LATE-" + UUID.randomUUID().toString().substring(0, 6)); // an event no checkpoint covers yet
        String late = eventIdAt(maxIndex());
        HttpApi.Answer after = http.get("/api/v1/audit/checkpoints/" + lastCheckpoint + "/proof?eventId=" + late,
                auditor);
        assertThat(after.status()).isEqualTo(409);
        assertThat(after.body().get("code").asText()).isEqualTo("EVENT_AFTER_CHECKPOINT");
        assertThat(after.body().get("errors").findValuesAsText("field")).containsExactly("eventId");

        String partner = DevTokens.mint("u", List.of("PARTNER"), "P-C1");
        assertThat(http.get("/api/v1/audit/checkpoints/1/proof?eventId=" + eventId, partner).status()).isEqualTo(403);
        assertThat(http.get("/api/v1/audit/checkpoints/1/proof?eventId=" + eventId, null).status()).isEqualTo(401);
    }

    @Test
    @Order(10)
    void aConsistencyProofShowsEachSignedTreeExtendsTheEarlierOnes() {
        writer.writeDue();
        long last = jdbc.sql("SELECT max(checkpoint_no) FROM chain_checkpoint").query(Long.class).single();
        for (long from = 1; from <= last; from++) {
            HttpApi.Answer answer = http.get("/api/v1/audit/checkpoints/consistency?from=" + from + "&to=" + last,
                    auditor);
            assertThat(answer.status()).as(answer.raw()).isEqualTo(200);
            JsonNode proof = answer.body();
            byte[] fromRoot = HEX.parseHex(proof.get("from").get("rootHash").asText());
            byte[] toRoot = HEX.parseHex(proof.get("to").get("rootHash").asText());
            long fromSize = proof.get("fromTreeSize").asLong();
            long toSize = proof.get("toTreeSize").asLong();
            assertThat(fromSize).isEqualTo(proof.get("from").get("treeSize").asLong());
            List<byte[]> hashes = hashes(proof.get("proof"));
            assertThat(ProofVerifier.verifyConsistency(fromSize, toSize, fromRoot, toRoot, hashes)).isTrue();
            if (!hashes.isEmpty()) {
                hashes.get(hashes.size() - 1)[5] ^= 1;
                assertThat(ProofVerifier.verifyConsistency(fromSize, toSize, fromRoot, toRoot, hashes)).isFalse();
            }
        }
        HttpApi.Answer backwards = http.get("/api/v1/audit/checkpoints/consistency?from=" + last + "&to=1", auditor);
        assertThat(backwards.status()).isEqualTo(400);
        assertThat(backwards.body().get("errors").findValuesAsText("field")).containsExactly("from");
        assertThat(http.get("/api/v1/audit/checkpoints/consistency?from=1&to=" + (last + 1), auditor).status())
                .isEqualTo(404);
        assertThat(http.get("/api/v1/audit/checkpoints/consistency?from=1&to=" + last, admin).status())
                .isEqualTo(403);
    }

    @Test
    @Order(11)
    void aSealedReceiptIsTheOriginalReceiptWithTheInclusionProofOfItsEvent() {
        writer.writeDue();
        String registration = firstSubmission.get("registrationId").asText();
        String owner = DevTokens.mint("u", List.of("PARTNER"), "P-C1");
        HttpApi.Answer sealed = http.get("/api/v1/registrations/" + registration + "/receipt/sealed", owner);
        assertThat(sealed.status()).as(sealed.raw()).isEqualTo(200);
        assertThat(sealed.body().get("receipt")).isEqualTo(firstSubmission.get("receipt"));
        JsonNode inclusion = sealed.body().get("inclusion");
        assertThat(inclusion.get("eventHash").asText()).isEqualTo(firstSubmission.get("receipt").get("eventHash")
                .asText());
        assertThat(inclusion.get("checkpoint").get("number").asLong())
                .isEqualTo(firstCovering(inclusion.get("eventId").asText()));
        assertThat(ProofVerifier.verifyInclusion(HEX.parseHex(inclusion.get("leafHash").asText()),
                inclusion.get("leafIndex").asLong(), inclusion.get("treeSize").asLong(),
                hashes(inclusion.get("auditPath")), HEX.parseHex(inclusion.get("rootHash").asText()))).isTrue();

        assertThat(http.get("/api/v1/registrations/" + registration + "/receipt/sealed", auditor).status())
                .isEqualTo(200);
        assertThat(http.get("/api/v1/registrations/" + registration + "/receipt/sealed",
                DevTokens.mint("u", List.of("PARTNER"), "P-C2")).status()).as("another partner's").isEqualTo(404);
        assertThat(http.get("/api/v1/registrations/" + registration + "/receipt/sealed", admin).status())
                .isEqualTo(403);
        assertThat(http.get("/api/v1/registrations/no-such/receipt/sealed", owner).status()).isEqualTo(404);

        String newcomer = "P-NEW-" + UUID.randomUUID().toString().substring(0, 6);
        onboard(newcomer);
        String newcomerToken = DevTokens.mint("u", List.of("PARTNER"), newcomer);
        HttpApi.Answer submitted = http.post("/api/v1/registrations", newcomerToken, """
                {"customer": {"legalName": "Not sealed yet", "country": "RU", "taxId": "%s"},
                 "productLine": "NETWORK_SECURITY", "estimatedValue": {"amount": "500000", "currency": "RUB"},
                 "expectedCloseDate": "%s"}""".formatted(Inns.random(), LocalDate.now().plusDays(30)));
        assertThat(submitted.status()).as(submitted.raw()).isEqualTo(201);
        JsonNode fresh = submitted.body();
        HttpApi.Answer notYet = http.get("/api/v1/registrations/" + fresh.get("registrationId").asText()
                + "/receipt/sealed", newcomerToken);
        assertThat(notYet.status()).isEqualTo(409);
        assertThat(notYet.body().get("code").asText()).isEqualTo("RECEIPT_NOT_SEALED");
        writer.writeDue();
        HttpApi.Answer now = http.get("/api/v1/registrations/" + fresh.get("registrationId").asText()
                + "/receipt/sealed", newcomerToken);
        assertThat(now.status()).isEqualTo(200);
        assertThat(now.body().get("receipt")).isEqualTo(fresh.get("receipt"));
    }

    /** A checkpoint sealed as before tree heads existed keeps what it recorded and gets its tree head added. */
    @Test
    @Order(12)
    void aCheckpointSealedBeforeTreeHeadsExistedIsSignedWithoutChangingIt() throws Exception {
        writer.writeDue();
        onboard("P-OLD-" + UUID.randomUUID().toString().substring(0, 6));
        var last = jdbc.sql("SELECT checkpoint_no, last_index, checkpoint_hash FROM chain_checkpoint "
                + "ORDER BY checkpoint_no DESC LIMIT 1").query((rs, n) -> new Object[]{rs.getLong(1), rs.getLong(2),
                rs.getBytes(3)}).single();
        long number = (Long) last[0] + 1;
        long first = (Long) last[1] + 1;
        long end = maxIndex();
        CheckpointBuilder builder = new CheckpointBuilder(number, first, end, (byte[]) last[2]);
        jdbc.sql("SELECT globalindex, event_hash FROM domainevententry WHERE globalindex BETWEEN :f AND :e "
                + "ORDER BY globalindex").param("f", first).param("e", end)
                .query(rs -> {
                    builder.add(rs.getLong(1), rs.getBytes(2));
                });
        Checkpoint legacy = builder.seal();
        jdbc.sql("INSERT INTO chain_checkpoint (checkpoint_no, first_index, last_index, event_count, gaps, merkle_root, "
                        + "previous_hash, checkpoint_hash) VALUES (:n, :f, :l, :c, '{}'::bigint[], :m, :p, :h)")
                .param("n", number).param("f", first).param("l", end).param("c", legacy.eventCount())
                .param("m", legacy.merkleRoot()).param("p", legacy.previousHash()).param("h", legacy.checkpointHash())
                .update();
        assertThat(legacy.gaps()).isEmpty();
        JsonNode unsigned = http.get("/api/v1/audit/heads", auditor).body().get("latestCheckpoint");
        assertThat(unsigned.get("number").asLong()).isEqualTo(number);
        assertThat(unsigned.hasNonNull("signature")).isFalse();
        assertThat(http.get("/api/v1/audit/checkpoints/" + number + "/proof?eventId=" + eventIdAt(end), auditor)
                .body().get("code").asText()).isEqualTo("CHECKPOINT_NOT_SIGNED");

        assertThat(writer.signMissingTreeHeads()).isEqualTo(1);

        JsonNode signed = http.get("/api/v1/audit/heads", auditor).body().get("latestCheckpoint");
        assertThat(signed.get("checkpointHash").asText()).isEqualTo(Hashes.hex(legacy.checkpointHash()));
        assertThat(signed.get("merkleRoot").asText()).isEqualTo(Hashes.hex(legacy.merkleRoot()));
        TreeHead head = treeHead(signed);
        assertThat(head.signatureIsValid(publishedKey(head.keyId()))).isTrue();
        assertThat(head.rootHash()).isEqualTo(Hashes.hex(logTree(end).root((int) head.treeSize())));
        var report = verify("domainevententry", "stream_head", "chain_checkpoint");
        assertThat(report.intact()).as(report.describe()).isTrue();
        HttpApi.Answer proof = http.get("/api/v1/audit/checkpoints/" + number + "/proof?eventId=" + eventIdAt(end),
                auditor);
        assertThat(proof.status()).isEqualTo(200);
        assertThat(writer.signMissingTreeHeads()).as("each checkpoint is signed once").isZero();
    }

    /**
     * A tree head covers the whole log, yet signing the next checkpoints reads only the events sealed since the last
     * signed one: the signer goes on from the tree it kept, and the heads it signs are still over the whole log.
     */
    @Test
    @Order(13)
    void signingTheNextTreeHeadsReadsOnlyTheEventsSealedSinceTheLastOne() {
        writer.writeDue();
        long signedUpTo = coveredUpTo();
        for (int i = 0; i < 6; i++) {
            onboard("P-NEXT-" + UUID.randomUUID().toString().substring(0, 6));
        }
        double readBefore = treeHeadEventsRead();

        assertThat(writer.writeDue()).as("max-span 5: several checkpoints").isGreaterThan(1);

        long sealedUpTo = coveredUpTo();
        assertThat(treeHeadEventsRead() - readBefore).isEqualTo(eventsBetween(signedUpTo, sealedUpTo))
                .isLessThan(eventsBetween(0, sealedUpTo));
        assertThat(headsSignedAfter(signedUpTo)).as("the checkpoints sealed since").isGreaterThan(1);
    }

    /**
     * After a restart the signer keeps no tree: it resumes from the frontier stored with the latest tree head, and reads
     * the whole log only when that frontier does not re-compute the signed root (here: changed by the database owner).
     */
    @Test
    @Order(14)
    void aSignerWithoutItsKeptTreeResumesFromTheStoredFrontierUnlessItDoesNotVerify() throws Exception {
        writer.writeDue();
        forgetTheKeptTree();
        long signedUpTo = coveredUpTo();
        onboard("P-RESUMED-" + UUID.randomUUID().toString().substring(0, 6));
        double readBefore = treeHeadEventsRead();
        assertThat(writer.writeDue()).isPositive();
        long sealedUpTo = coveredUpTo();
        assertThat(treeHeadEventsRead() - readBefore).isEqualTo(eventsBetween(signedUpTo, sealedUpTo))
                .isLessThan(eventsBetween(0, sealedUpTo));
        assertThat(headsSignedAfter(signedUpTo)).isPositive();

        forgetTheKeptTree();
        try (Connection owner = RealInfrastructure.superuser(dataSource).getConnection();
             Statement sql = owner.createStatement()) {
            sql.execute("ALTER TABLE checkpoint_tree_head DISABLE TRIGGER USER");
            try {
                sql.execute("UPDATE checkpoint_tree_head SET frontier = decode(repeat('00', length(frontier)), 'hex') "
                        + "WHERE checkpoint_no = (SELECT max(checkpoint_no) FROM checkpoint_tree_head)");
            } finally {
                sql.execute("ALTER TABLE checkpoint_tree_head ENABLE TRIGGER USER");
            }
        }
        onboard("P-FORGED-" + UUID.randomUUID().toString().substring(0, 6));
        readBefore = treeHeadEventsRead();
        assertThat(writer.writeDue()).isPositive();
        long resealedUpTo = coveredUpTo();
        assertThat(treeHeadEventsRead() - readBefore).as("the whole log read again")
                .isEqualTo(eventsBetween(0, resealedUpTo));
        assertThat(headsSignedAfter(sealedUpTo)).isPositive();
    }

    /** The signer's kept tree gone, as after a restart. */
    void forgetTheKeptTree() {
        ReflectionTestUtils.setField(context.getBean("treeHeadSigner"), "lastSigned", null);
    }

    /** Checks every tree head of a checkpoint ending after {@code lastIndex} against the whole log; returns how many. */
    int headsSignedAfter(long lastIndex) {
        record StoredHead(long lastIndex, long treeSize, byte[] root) {
        }
        List<StoredHead> heads = jdbc.sql("SELECT c.last_index, h.tree_size, h.root_hash FROM chain_checkpoint c "
                        + "JOIN checkpoint_tree_head h ON h.checkpoint_no = c.checkpoint_no WHERE c.last_index > :a")
                .param("a", lastIndex)
                .query((rs, n) -> new StoredHead(rs.getLong(1), rs.getLong(2), rs.getBytes(3))).list();
        for (StoredHead head : heads) {
            LogTree whole = logTree(head.lastIndex());
            assertThat(head.treeSize()).isEqualTo(whole.size());
            assertThat(head.root()).isEqualTo(whole.root(whole.size()));
        }
        return heads.size();
    }

    /** Events stored with a global index after {@code after}, up to {@code upTo}. */
    long eventsBetween(long after, long upTo) {
        return jdbc.sql("SELECT count(*) FROM domainevententry WHERE globalindex > :a AND globalindex <= :b")
                .param("a", after).param("b", upTo).query(Long.class).single();
    }

    double treeHeadEventsRead() {
        return meters.get("leadledger.checkpoints.tree-head-events-read").counter().count();
    }

    /** Last: it removes a row from the live store, as a database owner bypassing the trigger could. */
    @Test
    @Order(20)
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

    String eventIdAt(long globalIndex) {
        return jdbc.sql("SELECT eventidentifier FROM domainevententry WHERE globalindex = :i")
                .param("i", globalIndex).query(String.class).single();
    }

    long firstCovering(String eventId) {
        return jdbc.sql("SELECT c.checkpoint_no FROM chain_checkpoint c JOIN domainevententry e "
                        + "ON e.globalindex BETWEEN c.first_index AND c.last_index WHERE e.eventidentifier = :id")
                .param("id", eventId).query(Long.class).single();
    }

    /** The tree over every event up to the global index, computed here from the stored hashes. */
    LogTree logTree(long upTo) {
        return new LogTree(jdbc.sql("SELECT event_hash FROM domainevententry WHERE globalindex <= :i "
                        + "ORDER BY globalindex").param("i", upTo)
                .query((rs, n) -> LogTree.leafHash(rs.getBytes(1))).list());
    }

    PublicKey publishedKey(String keyId) {
        return keys.publishedKey(keyId).orElseThrow().publicKey();
    }

    static TreeHead treeHead(JsonNode checkpoint) {
        return new TreeHead(checkpoint.get("number").asLong(), checkpoint.get("lastIndex").asLong(),
                checkpoint.get("treeSize").asLong(), checkpoint.get("rootHash").asText(),
                checkpoint.get("checkpointHash").asText(), checkpoint.get("keyId").asText(),
                checkpoint.get("signature").asText());
    }

    static List<byte[]> hashes(JsonNode array) {
        List<byte[]> hashes = new ArrayList<>();
        array.forEach(h -> hashes.add(HEX.parseHex(h.asText())));
        return hashes;
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
