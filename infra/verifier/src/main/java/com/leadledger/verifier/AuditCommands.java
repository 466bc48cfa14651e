package com.leadledger.verifier;

import java.io.IOException;
import java.io.PrintStream;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The auditor's verification tool: {@code verify-chain}, {@code verify-receipt}, {@code verify-proof} and
 * {@code verify-pack}. Exit codes: 0 intact or valid, 3 broken or invalid, 2 a command line that cannot be
 * understood, 1 anything else that went wrong (unreachable database, unreadable file).
 */
public final class AuditCommands {

    public static final int BROKEN = 3;
    private static final Set<String> COMMANDS = Set.of("verify-chain", "verify-receipt", "verify-proof",
            "verify-pack");

    static final String USAGE = """
            Lead Ledger verifier

            Usage:
              java -jar infra/verifier/target/leadledger-verifier.jar verify-chain [--db-url URL] [--user U] [--password P]
                                                                      [--stream AGGREGATE_ID]
              java -jar infra/verifier/target/leadledger-verifier.jar verify-receipt --receipt FILE [--keys FILE_OR_URL]
              java -jar infra/verifier/target/leadledger-verifier.jar verify-proof --proof FILE [--keys FILE_OR_URL]
              java -jar infra/verifier/target/leadledger-verifier.jar verify-pack --pack ZIP_OR_FOLDER
              java -jar infra/verifier/target/leadledger-verifier.jar help

            Commands:
              verify-chain    check the hash chain of every stream (or one) in the command side's event store, every
                              stream's recorded head and, for the whole history, every checkpoint; report the first
                              break. Exit 0 when intact, 3 when broken.
                              Defaults: $LEADLEDGER_COMMAND_DB_URL, else the local launcher's database
                              (jdbc:postgresql://localhost:$LEADLEDGER_PG_PORT/leadledger_command, port 15432), user
                              $LEADLEDGER_DB_USER and password $LEADLEDGER_DB_PASSWORD (postgres / postgres).
              verify-receipt  check a registration receipt (the POST response or its "receipt" member, as JSON)
                              against the published keys (a JWK set file or URL; default
                              http://localhost:8081/api/v1/audit/keys). Exit 0 when valid, 3 when not.
              verify-proof    check an inclusion proof, a sealed receipt or a consistency proof (JSON, as the API
                              answers them): the checkpoints' signed tree heads against the published keys (as for
                              verify-receipt) and the RFC 6962 path. Exit 0 when valid, 3 when not.
              verify-pack     check an opportunity's evidence pack (the ZIP or its unzipped folder) offline: the
                              manifest, every event's hash and chain, every inclusion proof and checkpoint, the keys,
                              and that decisions cite events and policy versions of the pack; each problem names its
                              file. Exit 0 when intact, 3 when not.
            """;

    private AuditCommands() {
    }

    public static void main(String[] args) {
        System.exit(main(args, System.getenv(), System.out, System.err));
    }

    /** The tool's command line: a command of {@link #handles}, or help. */
    static int main(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
        if (args.length > 0 && handles(args[0])) {
            return run(args, env, out, err);
        }
        if (args.length > 0 && Set.of("help", "--help", "-h").contains(args[0])) {
            out.print(USAGE);
            return 0;
        }
        err.println(args.length == 0 ? "error: no command" : "error: unknown command '" + args[0] + "'");
        err.println();
        err.print(USAGE);
        return 2;
    }

    public static boolean handles(String command) {
        return COMMANDS.contains(command);
    }

    /** Runs {@code args[0]}, one of {@link #handles}, with the {@code --option value} pairs after it. */
    public static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
        Map<String, String> options = new HashMap<>();
        for (int i = 1; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                err.println("error: expected --option value pairs, got '" + args[i] + "'");
                return 2;
            }
            options.put(args[i].substring(2), args[++i]);
        }
        try {
            return switch (args[0]) {
                case "verify-chain" -> ChainCheck.run(options, env, out, err);
                case "verify-proof" -> ProofCheck.run(options, out, err);
                case "verify-pack" -> PackCheck.run(options, out, err);
                default -> ReceiptCheck.run(options, out, err);
            };
        } catch (IOException | SQLException | IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            return 1;
        }
    }
}
