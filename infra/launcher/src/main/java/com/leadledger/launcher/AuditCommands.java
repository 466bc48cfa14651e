package com.leadledger.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.leadledger.integrity.receipt.Ed25519Keys;
import com.leadledger.integrity.history.JdbcHistoryVerifier;
import com.leadledger.integrity.receipt.Receipt;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/** The auditor's command-line tools: {@code verify-chain} and {@code verify-receipt} (see the README's Audit section). */
final class AuditCommands {

    static final int BROKEN = 3;
    private static final Set<String> COMMANDS = Set.of("verify-chain", "verify-receipt");

    private AuditCommands() {
    }

    static boolean handles(String command) {
        return COMMANDS.contains(command);
    }

    static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
        Map<String, String> options = new HashMap<>();
        for (int i = 1; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                err.println("error: expected --option value pairs, got '" + args[i] + "'");
                return 2;
            }
            options.put(args[i].substring(2), args[++i]);
        }
        try {
            return "verify-chain".equals(args[0]) ? verifyChain(options, env, out, err) : verifyReceipt(options, out, err);
        } catch (IOException | SQLException | IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            return 1;
        }
    }

    private static int verifyChain(Map<String, String> options, Map<String, String> env, PrintStream out,
                                   PrintStream err) throws SQLException {
        String url = options.getOrDefault("db-url", LauncherConfig.get(env, "LEADLEDGER_COMMAND_DB_URL",
                "jdbc:postgresql://localhost:" + LauncherConfig.get(env, "LEADLEDGER_PG_PORT", "15432")
                        + "/leadledger_command"));
        String user = options.getOrDefault("user", LauncherConfig.get(env, "LEADLEDGER_DB_USER", "postgres"));
        String password = options.getOrDefault("password", LauncherConfig.get(env, "LEADLEDGER_DB_PASSWORD", "postgres"));
        try (Connection connection = DriverManager.getConnection(url, user, password)) {
            long start = System.nanoTime();
            JdbcHistoryVerifier.Report report = JdbcHistoryVerifier.verify(connection, "domainevententry",
                    "stream_head", hasTable(connection, "chain_checkpoint") ? "chain_checkpoint" : null,
                    options.get("stream"), done -> err.println("  … " + done + " events checked"));
            double seconds = (System.nanoTime() - start) / 1e9;
            if (report.intact()) {
                out.printf("INTACT: %d events in %d streams verified in %.1f s; %d checkpoints re-computed%n",
                        report.events(), report.streams(), seconds, report.checkpoints());
                return 0;
            }
            out.println("BROKEN: " + report.describe());
            return BROKEN;
        }
    }

    private static boolean hasTable(Connection connection, String table) throws SQLException {
        try (var statement = connection.prepareStatement("SELECT to_regclass(?) IS NOT NULL")) {
            statement.setString(1, table);
            try (var rows = statement.executeQuery()) {
                return rows.next() && rows.getBoolean(1);
            }
        }
    }

    private static int verifyReceipt(Map<String, String> options, PrintStream out, PrintStream err)
            throws IOException {
        String receiptFile = options.get("receipt");
        if (receiptFile == null) {
            err.println("error: verify-receipt needs --receipt FILE");
            return 2;
        }
        ObjectMapper json = new ObjectMapper();
        JsonNode document = json.readTree(Files.readString(Path.of(receiptFile)));
        Receipt receipt = json.treeToValue(document.has("receipt") ? document.get("receipt") : document, Receipt.class);
        JsonNode keys = json.readTree(readKeys(options.getOrDefault("keys", "http://localhost:8081/api/v1/audit/keys")));
        for (JsonNode key : keys.path("keys")) {
            if (receipt.keyId().equals(key.path("kid").asText())) {
                if (Ed25519Keys.verify(receipt, Ed25519Keys.fromJwkX(key.path("x").asText()))) {
                    out.println("VALID: registration " + receipt.registrationId() + " of partner "
                            + receipt.partnerId() + " was accepted at " + receipt.acceptedAt()
                            + " (event hash " + receipt.eventHash() + ", key " + receipt.keyId() + ")");
                    return 0;
                }
                out.println("INVALID: the signature does not match the receipt's fields under key " + receipt.keyId());
                return BROKEN;
            }
        }
        out.println("INVALID: key " + receipt.keyId() + " is not among the published keys");
        return BROKEN;
    }

    private static String readKeys(String location) throws IOException {
        if (location.startsWith("http://") || location.startsWith("https://")) {
            try {
                HttpResponse<String> response = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()
                        .send(HttpRequest.newBuilder(URI.create(location)).GET().build(),
                                HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() != 200) {
                    throw new IOException(location + " answered " + response.statusCode());
                }
                return response.body();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted", e);
            }
        }
        return Files.readString(Path.of(location));
    }
}
