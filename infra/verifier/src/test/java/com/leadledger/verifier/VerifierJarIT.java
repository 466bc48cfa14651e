package com.leadledger.verifier;

import com.leadledger.integrity.receipt.Ed25519Keys;
import com.leadledger.integrity.receipt.Receipt;
import com.leadledger.localruntime.Processes;
import com.leadledger.localruntime.ProjectPaths;
import com.leadledger.testsupport.PostgresServer;
import com.leadledger.testsupport.TestInfrastructure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;

import static org.assertj.core.api.Assertions.assertThat;

/** The packaged tool as an auditor runs it: one jar, {@code java -jar}, nothing else on the class path. */
class VerifierJarIT {

    static final Path JAR = ProjectPaths.root().resolve("infra/verifier/target/leadledger-verifier.jar");

    record Run(int exitCode, String output) {
    }

    static Run java(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Processes.javaExecutable(), "-jar", JAR.toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Run(process.exitValue(), output);
    }

    @Test
    void holdsNoTestLibrary() throws Exception {
        try (JarFile jar = new JarFile(JAR.toFile())) {
            List<String> entries = jar.stream().map(e -> e.getName()).toList();
            assertThat(entries).contains("com/leadledger/verifier/AuditCommands.class",
                    "com/leadledger/integrity/history/JdbcHistoryVerifier.class", "org/postgresql/Driver.class");
            assertThat(entries).noneMatch(name -> name.startsWith("org/junit/") || name.startsWith("junit/")
                    || name.startsWith("org/mockito/") || name.startsWith("org/testcontainers/")
                    || name.startsWith("org/springframework/") || name.startsWith("org/assertj/")
                    || name.startsWith("org/awaitility/"));
            assertThat(jar.getManifest().getMainAttributes().getValue("Main-Class"))
                    .isEqualTo(AuditCommands.class.getName());
        }
    }

    @Test
    void verifiesAReceiptOffline(@TempDir Path dir) throws Exception {
        KeyPair keys = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        Receipt receipt = Receipt.sign("r-1", "o-1", "P-1001", "2026-11-22T09:00:00Z", "ab".repeat(32), "k1",
                keys.getPrivate());
        Files.writeString(dir.resolve("keys.json"), "{\"keys\":[{\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"kid\":\"k1\","
                + "\"x\":\"" + Ed25519Keys.toJwkX(keys.getPublic()) + "\"}]}");
        Files.writeString(dir.resolve("response.json"), """
                {"registrationId":"r-1","receipt":{"registrationId":"r-1","opportunityId":"o-1","partnerId":"P-1001",
                 "acceptedAt":"2026-11-22T09:00:00Z","eventHash":"%s","keyId":"k1","algorithm":"Ed25519",
                 "signature":"%s"}}""".formatted(receipt.eventHash(), receipt.signature()));

        Run valid = java("verify-receipt", "--receipt", dir.resolve("response.json").toString(),
                "--keys", dir.resolve("keys.json").toString());
        assertThat(valid.exitCode()).as(valid.output()).isZero();
        assertThat(valid.output()).contains("VALID: registration r-1 of partner P-1001");

        Files.writeString(dir.resolve("response.json"),
                Files.readString(dir.resolve("response.json")).replace("P-1001", "P-1002"));
        Run forged = java("verify-receipt", "--receipt", dir.resolve("response.json").toString(),
                "--keys", dir.resolve("keys.json").toString());
        assertThat(forged.exitCode()).isEqualTo(AuditCommands.BROKEN);
        assertThat(forged.output()).contains("INVALID");
    }

    /** A receipt signed when the command service still signed with the JDK's Ed25519 verifies with the jar alone. */
    @Test
    void verifiesAReceiptIssuedByTheJdkSignerWithTheJdkAlone() throws Exception {
        Path issued = ProjectPaths.root()
                .resolve("infra/integrity/src/test/resources/receipts/issued-by-the-jdk-signer");
        Run run = java("verify-receipt", "--receipt", issued.resolve("receipt.json").toString(),
                "--keys", issued.resolve("keys.json").toString());
        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output()).contains("VALID: registration 5b0e8f1c-2a7d-4e3b-9c61-0f4d8a2b7e35 of partner P-2042");
        try (JarFile jar = new JarFile(JAR.toFile())) {
            assertThat(jar.stream().map(e -> e.getName())).noneMatch(name -> name.startsWith("org/bouncycastle/"));
        }
    }

    @Test
    void verifiesAnEventStoreThroughThePackagedDriver() throws Exception {
        PostgresServer pg = TestInfrastructure.postgres();
        String url = pg.jdbcUrl(pg.freshDatabase("verifier_jar"));
        try (Connection db = DriverManager.getConnection(url, pg.username(), pg.password())) {
            db.createStatement().execute("""
                    CREATE TABLE domainevententry (globalindex BIGSERIAL, aggregateidentifier VARCHAR(255),
                      sequencenumber BIGINT, type VARCHAR(255), eventidentifier VARCHAR(255), metadata BYTEA,
                      payload BYTEA, payloadrevision VARCHAR(255), payloadtype VARCHAR(255), timestamp VARCHAR(255),
                      previous_hash BYTEA, event_hash BYTEA);
                    CREATE TABLE stream_head (aggregateidentifier VARCHAR(255), last_sequence BIGINT, head_hash BYTEA)""");
        }
        Run run = java("verify-chain", "--db-url", url, "--user", pg.username(), "--password", pg.password());
        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output()).contains("INTACT: 0 events in 0 streams");

        assertThat(java("help").output()).contains("Usage:");
    }
}
