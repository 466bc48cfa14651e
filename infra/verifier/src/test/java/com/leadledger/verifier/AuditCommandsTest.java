package com.leadledger.verifier;

import com.leadledger.integrity.chain.EventChain;
import com.leadledger.integrity.chain.StoredEvent;
import com.leadledger.integrity.checkpoint.Checkpoint;
import com.leadledger.integrity.checkpoint.MerkleTree;
import com.leadledger.integrity.Hashes;
import com.leadledger.integrity.proof.LogTree;
import com.leadledger.integrity.proof.TreeHead;
import com.leadledger.integrity.receipt.Ed25519Keys;
import com.leadledger.integrity.receipt.Receipt;
import com.leadledger.integrity.receipt.ReceiptKeyRing;
import com.leadledger.localruntime.Processes;
import com.leadledger.testsupport.PostgresServer;
import com.leadledger.testsupport.TestInfrastructure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class AuditCommandsTest {

    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();

    int launch(String... args) {
        return AuditCommands.main(args, Map.of(), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    String output() {
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void verifyReceiptAcceptsAGenuineReceiptAndRejectsAnAlteredOne(@TempDir Path dir) throws Exception {
        KeyPair keys = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        String canonical = Receipt.canonical("r-1", "o-1", "P-1001", "2026-11-22T09:00:00Z", "ab".repeat(32), "k1");
        Signature signer = Signature.getInstance("Ed25519");
        signer.initSign(keys.getPrivate());
        signer.update(canonical.getBytes(StandardCharsets.UTF_8));
        String signature = Base64.getEncoder().encodeToString(signer.sign());
        Files.writeString(dir.resolve("keys.json"), "{\"keys\":[{\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"kid\":\"k1\",\"x\":\""
                + Ed25519Keys.toJwkX(keys.getPublic()) + "\"}]}");
        String receipt = """
                {"registrationId":"r-1","status":"SUBMITTED","receipt":{"registrationId":"r-1","opportunityId":"o-1",
                 "partnerId":"P-1001","acceptedAt":"2026-11-22T09:00:00Z","eventHash":"%s","keyId":"k1",
                 "algorithm":"Ed25519","signature":"%s"}}""".formatted("ab".repeat(32), signature);
        Files.writeString(dir.resolve("receipt.json"), receipt);
        Files.writeString(dir.resolve("altered.json"), receipt.replace("09:00:00Z", "08:00:00Z"));

        assertThat(launch("verify-receipt", "--receipt", dir.resolve("receipt.json").toString(),
                "--keys", dir.resolve("keys.json").toString())).isZero();
        assertThat(output()).contains("VALID: registration r-1 of partner P-1001 was accepted at 2026-11-22T09:00:00Z");

        assertThat(launch("verify-receipt", "--receipt", dir.resolve("altered.json").toString(),
                "--keys", dir.resolve("keys.json").toString())).isEqualTo(AuditCommands.BROKEN);
        assertThat(output()).contains("INVALID");
    }

    @Test
    void verifyProofChecksTheSignedTreeHeadsAndThePaths(@TempDir Path dir) throws Exception {
        String keyId = ReceiptKeyRing.generate(dir.resolve("keys"), LocalDate.of(2026, 12, 3));
        ReceiptKeyRing ring = ReceiptKeyRing.load(dir.resolve("keys"), "");
        Files.writeString(dir.resolve("keys.json"), "{\"keys\":[{\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"kid\":\""
                + keyId + "\",\"x\":\"" + Ed25519Keys.toJwkX(ring.publishedKey(keyId).orElseThrow().publicKey())
                + "\"}]}");
        List<byte[]> events = IntStream.range(0, 7).mapToObj(i -> Hashes.sha256().digest(new byte[]{(byte) i}))
                .toList();
        LogTree tree = new LogTree(events.stream().map(LogTree::leafHash).toList());
        String three = checkpointJson(ring.signTreeHead(1, 3, 3, tree.root(3), new byte[32]));
        String seven = checkpointJson(ring.signTreeHead(2, 9, 7, tree.root(7), new byte[32]));
        String inclusion = """
                {"eventId":"e-5","globalIndex":6,"eventHash":"%s","leafHash":"%s","leafIndex":5,"treeSize":7,
                 "rootHash":"%s","auditPath":%s,"checkpoint":%s}""".formatted(Hashes.hex(events.get(5)),
                Hashes.hex(LogTree.leafHash(events.get(5))), Hashes.hex(tree.root(7)),
                jsonHashes(tree.inclusionPath(5, 7)), seven);
        String consistency = """
                {"fromTreeSize":3,"fromRootHash":"%s","toTreeSize":7,"toRootHash":"%s","proof":%s,"from":%s,"to":%s}"""
                .formatted(Hashes.hex(tree.root(3)), Hashes.hex(tree.root(7)), jsonHashes(tree.consistencyProof(3, 7)),
                        three, seven);
        String keys = dir.resolve("keys.json").toString();
        Files.writeString(dir.resolve("inclusion.json"), inclusion);
        Files.writeString(dir.resolve("consistency.json"), consistency);
        assertThat(launch("verify-proof", "--proof", dir.resolve("inclusion.json").toString(), "--keys", keys))
                .as(output()).isZero();
        assertThat(output()).contains("VALID: event e-5 (global index 6) is leaf 5");
        assertThat(launch("verify-proof", "--proof", dir.resolve("consistency.json").toString(), "--keys", keys))
                .as(output()).isZero();
        assertThat(output()).contains("VALID: checkpoint #2 (7 events) extends checkpoint #1 (3 events)");

        String firstStep = Hashes.hex(tree.inclusionPath(5, 7).get(0));
        Files.writeString(dir.resolve("path.json"), inclusion.replace("\"" + firstStep + "\"",
                "\"" + "0".repeat(64) + "\""));
        Files.writeString(dir.resolve("size.json"), inclusion.replace("\"treeSize\":7", "\"treeSize\":8"));
        Files.writeString(dir.resolve("signed.json"), consistency.replace("\"treeSize\":3", "\"treeSize\":4"));
        for (String altered : List.of("path.json", "size.json", "signed.json")) {
            out.reset();
            assertThat(launch("verify-proof", "--proof", dir.resolve(altered).toString(), "--keys", keys))
                    .as(altered).isEqualTo(AuditCommands.BROKEN);
            assertThat(output()).startsWith("INVALID");
        }
    }

    private static String checkpointJson(TreeHead head) {
        return """
                {"number":%d,"lastIndex":%d,"checkpointHash":"%s","treeSize":%d,"rootHash":"%s","keyId":"%s",
                 "algorithm":"Ed25519","signature":"%s"}""".formatted(head.checkpoint(), head.lastIndex(),
                head.checkpointHash(), head.treeSize(), head.rootHash(), head.keyId(), head.signature());
    }

    private static String jsonHashes(List<byte[]> hashes) {
        return hashes.stream().map(h -> "\"" + Hashes.hex(h) + "\"").collect(Collectors.joining(",", "[", "]"));
    }

    @Test
    void verifyChainReportsAnIntactStoreAndTheFirstBrokenLink() throws Exception {
        PostgresServer pg = TestInfrastructure.postgres();
        String url = pg.jdbcUrl(pg.freshDatabase("verify_cli"));
        try (Connection db = DriverManager.getConnection(url, pg.username(), pg.password())) {
            db.createStatement().execute("""
                    CREATE TABLE domainevententry (globalindex BIGSERIAL, aggregateidentifier VARCHAR(255),
                      sequencenumber BIGINT, type VARCHAR(255), eventidentifier VARCHAR(255), metadata BYTEA,
                      payload BYTEA, payloadrevision VARCHAR(255), payloadtype VARCHAR(255), timestamp VARCHAR(255),
                      previous_hash BYTEA, event_hash BYTEA);
                    CREATE TABLE stream_head (aggregateidentifier VARCHAR(255), last_sequence BIGINT, head_hash BYTEA)""");
            byte[] previous = EventChain.GENESIS;
            for (int i = 0; i < 3; i++) {
                byte[] hash = insertChained(db, i, previous);
                previous = hash;
            }
            try (PreparedStatement head = db.prepareStatement("INSERT INTO stream_head VALUES ('opp-1', 2, ?)")) {
                head.setBytes(1, previous);
                head.executeUpdate();
            }

            assertThat(launch("verify-chain", "--db-url", url, "--user", pg.username(), "--password", pg.password()))
                    .isZero();
            assertThat(output()).contains("INTACT: 3 events in 1 streams");

            db.createStatement().execute("UPDATE domainevententry SET payload = convert_to('{\"n\":7}', 'UTF8') "
                    + "WHERE sequencenumber = 1");
            assertThat(launch("verify-chain", "--db-url", url, "--user", pg.username(), "--password", pg.password()))
                    .isEqualTo(AuditCommands.BROKEN);
            assertThat(output()).contains("BROKEN: HASH_MISMATCH in stream opp-1 at sequence 1 (event e1)");
        }
    }

    @Test
    void verifyChainReComputesTheCheckpointsAndNamesAnEventRemovedWithItsHead() throws Exception {
        PostgresServer pg = TestInfrastructure.postgres();
        String url = pg.jdbcUrl(pg.freshDatabase("verify_cli_cp"));
        try (Connection db = DriverManager.getConnection(url, pg.username(), pg.password())) {
            db.createStatement().execute("""
                    CREATE TABLE domainevententry (globalindex BIGSERIAL, aggregateidentifier VARCHAR(255),
                      sequencenumber BIGINT, type VARCHAR(255), eventidentifier VARCHAR(255), metadata BYTEA,
                      payload BYTEA, payloadrevision VARCHAR(255), payloadtype VARCHAR(255), timestamp VARCHAR(255),
                      previous_hash BYTEA, event_hash BYTEA);
                    CREATE TABLE stream_head (aggregateidentifier VARCHAR(255), last_sequence BIGINT, head_hash BYTEA);
                    CREATE TABLE chain_checkpoint (checkpoint_no BIGINT, first_index BIGINT, last_index BIGINT,
                      event_count BIGINT, gaps BIGINT[], merkle_root BYTEA, previous_hash BYTEA, checkpoint_hash BYTEA)""");
            byte[] previous = EventChain.GENESIS;
            MerkleTree tree = new MerkleTree();
            for (int i = 0; i < 3; i++) {
                byte[] hash = insertChained(db, i, previous);
                tree.add(i + 1, hash);
                previous = hash;
            }
            try (PreparedStatement head = db.prepareStatement("INSERT INTO stream_head VALUES ('opp-1', 2, ?)")) {
                head.setBytes(1, previous);
                head.executeUpdate();
            }
            Checkpoint checkpoint = Checkpoint.seal(1, 1, 3, 3, java.util.List.of(), tree.root(), Checkpoint.GENESIS);
            try (PreparedStatement insert = db.prepareStatement(
                    "INSERT INTO chain_checkpoint VALUES (1, 1, 3, 3, '{}', ?, ?, ?)")) {
                insert.setBytes(1, checkpoint.merkleRoot());
                insert.setBytes(2, checkpoint.previousHash());
                insert.setBytes(3, checkpoint.checkpointHash());
                insert.executeUpdate();
            }

            assertThat(launch("verify-chain", "--db-url", url, "--user", pg.username(), "--password", pg.password()))
                    .isZero();
            assertThat(output()).contains("INTACT: 3 events in 1 streams").contains("1 checkpoints re-computed");

            // the last event goes, and its stream's head is rewound: the chains alone would still pass
            db.createStatement().execute("UPDATE stream_head SET last_sequence = 1, head_hash = (SELECT event_hash "
                    + "FROM domainevententry WHERE sequencenumber = 1)");
            db.createStatement().execute("DELETE FROM domainevententry WHERE sequencenumber = 2");
            assertThat(launch("verify-chain", "--db-url", url, "--user", pg.username(), "--password", pg.password()))
                    .isEqualTo(AuditCommands.BROKEN);
            assertThat(output()).contains("BROKEN: EVENT_MISSING in checkpoint #1 (global index 1..3) at global index 3");
        }
    }

    @Test
    void helpExitsWith0AndCommandLinesItCannotUnderstandWith2() {
        assertThat(launch("help")).isZero();
        assertThat(output()).contains("verify-chain").contains("verify-receipt");
        assertThat(launch()).isEqualTo(2);
        assertThat(launch("verify-everything")).isEqualTo(2);
        assertThat(launch("verify-receipt", "--receipt")).isEqualTo(2);
        assertThat(launch("verify-receipt", "--keys", "keys.json")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown command 'verify-everything'")
                .contains("expected --option value pairs").contains("verify-receipt needs --receipt FILE");
    }

    @Test
    void verifyPackNeedsAPackAndCallsAFolderWithoutManifestOrDescriptionBroken(@TempDir Path empty) {
        assertThat(launch("verify-pack")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("verify-pack needs --pack ZIP_OR_FOLDER");
        assertThat(launch("verify-pack", "--pack", empty.toString())).isEqualTo(AuditCommands.BROKEN);
        assertThat(output()).contains("BROKEN:").contains("MANIFEST.sha256: is missing")
                .contains("pack.json: is not a leadledger-evidence-pack-v1 description");
    }

    @Test
    void anUnreachableDatabaseExitsWith1() {
        int closedPort = Processes.freePort();
        assertThat(launch("verify-chain", "--db-url", "jdbc:postgresql://localhost:" + closedPort + "/x")).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("error: ");
    }

    /** Inserts event {@code i} of stream opp-1 chained to {@code previous}, as the event store would; its hash. */
    private static byte[] insertChained(Connection db, int i, byte[] previous) throws SQLException {
        StoredEvent e = new StoredEvent("e" + i, "opp-1", i, "Opportunity", "x.Evt", null, "2026-11-22T09:00:00Z",
                ("{\"n\":" + i + "}").getBytes(StandardCharsets.UTF_8), "{}".getBytes(StandardCharsets.UTF_8),
                previous, null);
        byte[] hash = EventChain.hash(previous, e);
        try (PreparedStatement insert = db.prepareStatement("""
                INSERT INTO domainevententry (aggregateidentifier, sequencenumber, type, eventidentifier, metadata,
                  payload, payloadtype, timestamp, previous_hash, event_hash) VALUES (?,?,?,?,?,?,?,?,?,?)""")) {
            insert.setString(1, "opp-1");
            insert.setLong(2, i);
            insert.setString(3, "Opportunity");
            insert.setString(4, "e" + i);
            insert.setBytes(5, e.metadata());
            insert.setBytes(6, e.payload());
            insert.setString(7, "x.Evt");
            insert.setString(8, e.timestamp());
            insert.setBytes(9, previous);
            insert.setBytes(10, hash);
            insert.executeUpdate();
        }
        return hash;
    }
}
