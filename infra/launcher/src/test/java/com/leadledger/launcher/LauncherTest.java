package com.leadledger.launcher;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.leadledger.integrity.receipt.Ed25519Keys;
import com.leadledger.integrity.receipt.Receipt;
import com.leadledger.localruntime.DevTokens;
import com.leadledger.verifier.AuditCommands;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LauncherTest {

    @Test
    void noArgumentsMeansStart() throws Exception {
        assertThat(LauncherArgs.parse().command()).isEqualTo(LauncherArgs.Command.START);
        assertThat(LauncherArgs.parse("start").infraOnly()).isFalse();
        assertThat(LauncherArgs.parse("--infra-only").infraOnly()).isTrue();
        assertThat(LauncherArgs.parse("help").command()).isEqualTo(LauncherArgs.Command.HELP);
        assertThat(LauncherArgs.parse("token", "--help").command()).isEqualTo(LauncherArgs.Command.HELP);
    }

    @Test
    void parsesTokenOptions() throws Exception {
        LauncherArgs a = LauncherArgs.parse("token", "--role", "partner", "--role=ROLE_AUDITOR,ADMIN",
                "--partner", "P-1001", "--sub", "alice", "--ttl-hours", "2");
        assertThat(a.command()).isEqualTo(LauncherArgs.Command.TOKEN);
        assertThat(a.roles()).containsExactly("PARTNER", "AUDITOR", "ADMIN");
        assertThat(a.partnerId()).isEqualTo("P-1001");
        assertThat(a.subject()).isEqualTo("alice");
        assertThat(a.ttlHours()).isEqualTo(2);

        LauncherArgs b = LauncherArgs.parse("token", "--role", "CHANNEL_MANAGER");
        assertThat(b.subject()).isEqualTo("channel-manager");
        assertThat(b.partnerId()).isNull();
        assertThat(b.ttlHours()).isEqualTo(12);
    }

    @Test
    void refusesBadCommandLines() {
        assertThatThrownBy(() -> LauncherArgs.parse("stop")).hasMessageContaining("unknown command");
        assertThatThrownBy(() -> LauncherArgs.parse("token")).hasMessageContaining("at least one --role");
        assertThatThrownBy(() -> LauncherArgs.parse("token", "--role", "KING")).hasMessageContaining("unknown role");
        assertThatThrownBy(() -> LauncherArgs.parse("token", "--role", "PARTNER")).hasMessageContaining("--partner");
        assertThatThrownBy(() -> LauncherArgs.parse("token", "--role")).hasMessageContaining("needs a value");
        assertThatThrownBy(() -> LauncherArgs.parse("token", "--role", "ADMIN", "--ttl-hours", "x"))
                .hasMessageContaining("whole number");
        assertThatThrownBy(() -> LauncherArgs.parse("start", "--role", "ADMIN")).hasMessageContaining("'token'");
    }

    @Test
    void tokenCommandPrintsOneVerifiableToken() throws Exception {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        int code = Launcher.run(new String[] {"token", "--role", "PARTNER", "--partner", "P-1002", "--ttl-hours", "1"},
                Map.of(), new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(code).isZero();
        String token = out.toString(StandardCharsets.UTF_8).trim();
        assertThat(token.split("\\.")).hasSize(3);
        SignedJWT jwt = SignedJWT.parse(token);
        assertThat(jwt.verify(new MACVerifier(DevTokens.DEFAULT_SECRET.getBytes(StandardCharsets.UTF_8)))).isTrue();
        var claims = jwt.getJWTClaimsSet();
        assertThat(claims.getSubject()).isEqualTo("p-1002-user");
        assertThat(claims.getStringListClaim("roles")).containsExactly("PARTNER");
        assertThat(claims.getStringClaim("partner_id")).isEqualTo("P-1002");
        assertThat(Duration.between(claims.getIssueTime().toInstant(), claims.getExpirationTime().toInstant()))
                .isEqualTo(Duration.ofHours(1));
    }

    @Test
    void tokenCommandUsesTheSecretFromTheEnvironment() throws Exception {
        String secret = "my-own-secret-that-is-at-least-32-bytes";
        var out = new ByteArrayOutputStream();
        int code = Launcher.run(new String[] {"token", "--role", "AUDITOR"}, Map.of("LEADLEDGER_DEV_JWT_SECRET", secret),
                new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
        assertThat(code).isZero();
        SignedJWT jwt = SignedJWT.parse(out.toString(StandardCharsets.UTF_8).trim());
        assertThat(jwt.verify(new MACVerifier(secret.getBytes(StandardCharsets.UTF_8)))).isTrue();

        var err = new ByteArrayOutputStream();
        int bad = Launcher.run(new String[] {"token", "--role", "AUDITOR"}, Map.of("LEADLEDGER_DEV_JWT_SECRET", "short"),
                System.out, new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(bad).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("32 bytes");
    }

    @Test
    void usageErrorsExitWith2AndHelpExitsWith0() {
        var err = new ByteArrayOutputStream();
        assertThat(Launcher.run(new String[] {"bogus"}, Map.of(), System.out,
                new PrintStream(err, true, StandardCharsets.UTF_8))).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown command").contains("Usage:");
        var out = new ByteArrayOutputStream();
        assertThat(Launcher.run(new String[] {"help"}, Map.of(), new PrintStream(out, true, StandardCharsets.UTF_8),
                System.err)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("LEADLEDGER_HOME")
                .contains("http://localhost:8082/console/").doesNotContain("8083");
    }

    @Test
    void configDefaultsAndOverrides(@TempDir Path dir) {
        LauncherConfig d = LauncherConfig.from(Map.of(), dir);
        assertThat(d.home()).isEqualTo(dir.resolve(".leadledger").toAbsolutePath());
        assertThat(d.pgPort()).isEqualTo(15432);
        assertThat(d.kafkaPort()).isEqualTo(19092);
        assertThat(d.kafkaControllerPort()).isEqualTo(19093);
        assertThat(d.commandPort()).isEqualTo(8081);
        assertThat(d.queryPort()).isEqualTo(8082);
        assertThat(LauncherConfig.from(Map.of("LEADLEDGER_QUERY_PORT", "9082"), dir).queryPort()).isEqualTo(9082);
        assertThat(d.externalDatabases()).isFalse();
        assertThat(d.externalKafka()).isFalse();
        assertThat(d.jwtSecret()).isEqualTo(DevTokens.DEFAULT_SECRET);

        LauncherConfig onlyOne = LauncherConfig.from(Map.of("LEADLEDGER_COMMAND_DB_URL", "jdbc:postgresql://x/a"), dir);
        assertThat(onlyOne.externalDatabases()).isFalse();

        LauncherConfig o = LauncherConfig.from(Map.of(
                "LEADLEDGER_HOME", "/tmp/ll-home", "LEADLEDGER_PG_PORT", "25432", "LEADLEDGER_KAFKA_PORT", "29092",
                "LEADLEDGER_COMMAND_DB_URL", "jdbc:postgresql://db/a", "LEADLEDGER_QUERY_DB_URL", "jdbc:postgresql://db/b",
                "LEADLEDGER_KAFKA_BOOTSTRAP", "broker:9092"), dir);
        assertThat(o.home()).isEqualTo(Path.of("/tmp/ll-home"));
        assertThat(o.pgPort()).isEqualTo(25432);
        assertThat(o.kafkaControllerPort()).isEqualTo(29093);
        assertThat(o.externalDatabases()).isTrue();
        assertThat(o.queryDbUrl()).isEqualTo("jdbc:postgresql://db/b");
        assertThat(o.kafkaBootstrap()).isEqualTo("broker:9092");

        assertThatThrownBy(() -> LauncherConfig.from(Map.of("LEADLEDGER_PG_PORT", "abc"), dir))
                .hasMessageContaining("LEADLEDGER_PG_PORT");
    }

    @Test
    void databasesOfTheOperatorsOwnGetTheCredentialsTheOperatorGave(@TempDir Path dir) {
        assertThat(LauncherConfig.from(Map.of(), dir).externalDbCredentials()).containsOnly(
                Map.entry("LEADLEDGER_DB_USER", "postgres"), Map.entry("LEADLEDGER_DB_PASSWORD", "postgres"));

        LauncherConfig split = LauncherConfig.from(Map.of("LEADLEDGER_DB_USER", "app", "LEADLEDGER_DB_PASSWORD", "a",
                "LEADLEDGER_DB_MIGRATION_USER", "owner", "LEADLEDGER_DB_MIGRATION_PASSWORD", "o"), dir);
        assertThat(split.externalDbCredentials()).containsOnly(Map.entry("LEADLEDGER_DB_USER", "app"),
                Map.entry("LEADLEDGER_DB_PASSWORD", "a"), Map.entry("LEADLEDGER_DB_MIGRATION_USER", "owner"),
                Map.entry("LEADLEDGER_DB_MIGRATION_PASSWORD", "o"));
    }

    /** Security point 11: the tokens are secrets, readable by their owner only. */
    @Test
    void tokensEnvFileIsReadableByItsOwnerOnly(@TempDir Path dir) throws Exception {
        DevTokenSet set = DevTokenSet.mint(DevTokens.DEFAULT_SECRET, Duration.ofHours(12));
        Path home = dir.resolve(".leadledger");
        Path file = home.resolve("tokens.env");
        set.writeEnvFile(file, "http://localhost:8081", "http://localhost:8082");
        set.writeEnvFile(file, "http://localhost:8081", "http://localhost:8082");

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(home))).isEqualTo("rwx------");
        try (var files = Files.list(home)) {
            assertThat(files).as("no temporary file is left behind").containsExactly(file);
        }
    }

    @Test
    void tokensEnvFileHasOneExportPerRole(@TempDir Path dir) throws Exception {
        DevTokenSet set = DevTokenSet.mint(DevTokens.DEFAULT_SECRET, Duration.ofHours(12));
        Path file = dir.resolve("tokens.env");
        set.writeEnvFile(file, "http://localhost:8081", "http://localhost:8082");
        String text = Files.readString(file);
        for (String name : List.of("PARTNER_A_TOKEN", "PARTNER_B_TOKEN", "MANAGER_TOKEN", "DIRECTOR_TOKEN",
                "COMMITTEE_TOKEN", "AUDITOR_TOKEN", "ADMIN_TOKEN")) {
            assertThat(text).containsPattern("(?m)^export " + name + "='[^']+\\.[^']+\\.[^']+'$");
        }
        var a = SignedJWT.parse(set.entries().get(0).token()).getJWTClaimsSet();
        assertThat(a.getSubject()).isEqualTo("partner-a-user");
        assertThat(a.getStringClaim("partner_id")).isEqualTo("P-1001");
        var b = SignedJWT.parse(set.entries().get(1).token()).getJWTClaimsSet();
        assertThat(b.getStringClaim("partner_id")).isEqualTo("P-1002");
        var committee = SignedJWT.parse(set.entries().get(4).token()).getJWTClaimsSet();
        assertThat(committee.getStringListClaim("roles")).containsExactly("ARBITRATION_COMMITTEE");
        assertThat(committee.getClaims()).doesNotContainKey("partner_id");
    }

    @Test
    void verifyCommandsAreTheVerifiers(@TempDir Path dir) throws Exception {
        KeyPair keys = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        Receipt receipt = Receipt.sign("r-1", "o-1", "P-1001", "2026-11-22T09:00:00Z", "ab".repeat(32), "k1",
                keys.getPrivate());
        Files.writeString(dir.resolve("keys.json"), "{\"keys\":[{\"kid\":\"k1\",\"x\":\""
                + Ed25519Keys.toJwkX(keys.getPublic()) + "\"}]}");
        Files.writeString(dir.resolve("receipt.json"), new ObjectMapper()
                .writeValueAsString(receipt));

        var out = new ByteArrayOutputStream();
        int code = Launcher.run(new String[] {"verify-receipt", "--receipt", dir.resolve("receipt.json").toString(),
                "--keys", dir.resolve("keys.json").toString()}, Map.of(),
                new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
        assertThat(code).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("VALID: registration r-1 of partner P-1001");

        var err = new ByteArrayOutputStream();
        assertThat(Launcher.run(new String[] {"verify-chain", "--stream"}, Map.of(), System.out,
                new PrintStream(err, true, StandardCharsets.UTF_8))).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("expected --option value pairs");
        assertThat(AuditCommands.handles("verify-chain")).isTrue();
    }
}
