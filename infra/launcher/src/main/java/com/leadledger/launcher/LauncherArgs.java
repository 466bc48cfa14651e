package com.leadledger.launcher;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The parsed command line of {@link Launcher}. */
record LauncherArgs(Command command, boolean infraOnly, List<String> roles, String partnerId, String subject,
                    long ttlHours) {

    enum Command { START, TOKEN, HELP }

    static final Set<String> KNOWN_ROLES = Set.of(
            "PARTNER", "CHANNEL_MANAGER", "CHANNEL_DIRECTOR", "ARBITRATION_COMMITTEE", "AUDITOR", "ADMIN");

    static final String USAGE = """
            Lead Ledger local launcher

            Usage:
              java -jar infra/launcher/target/leadledger-launcher.jar [start] [--infra-only]
              java -jar infra/launcher/target/leadledger-launcher.jar token --role ROLE [--role ROLE2] [--partner P-1001]
                                                                         [--sub NAME] [--ttl-hours 12]
              java -jar infra/launcher/target/leadledger-launcher.jar verify-chain [--db-url URL] [--user U] [--password P]
                                                                         [--stream AGGREGATE_ID]
              java -jar infra/launcher/target/leadledger-launcher.jar verify-receipt --receipt FILE [--keys FILE_OR_URL]
              java -jar infra/launcher/target/leadledger-launcher.jar verify-proof --proof FILE [--keys FILE_OR_URL]
              java -jar infra/launcher/target/leadledger-launcher.jar verify-pack --pack ZIP_OR_FOLDER
              java -jar infra/launcher/target/leadledger-launcher.jar help

            Commands:
              start   (default) run PostgreSQL, a Kafka broker, the command service (:8081) and the query service
                      (:8082, which serves the browser console at http://localhost:8082/console/) in the foreground;
                      prints URLs and dev tokens and writes them to $LEADLEDGER_HOME/tokens.env. Stop with Ctrl-C.
                      --infra-only starts just PostgreSQL and Kafka (e.g. to run the services from an IDE).
              token   print one HS256 dev token signed with $LEADLEDGER_DEV_JWT_SECRET (or the built-in dev secret).
                      Roles: PARTNER, CHANNEL_MANAGER, CHANNEL_DIRECTOR, ARBITRATION_COMMITTEE, AUDITOR, ADMIN
                      (repeat --role or separate with commas). PARTNER tokens need --partner.
              verify-chain    check the hash chain of every stream (or one) in the command side's event store
                              and report the first broken link; exit 0 when intact, 3 when broken.
                              Defaults: $LEADLEDGER_COMMAND_DB_URL or the launcher's embedded database, as
                              $LEADLEDGER_DB_USER (source $LEADLEDGER_HOME/credentials.env for the embedded one's).
              verify-receipt  check a registration receipt (the POST response or its "receipt" member, as JSON)
                              against the published keys (a JWK set file or URL; default
                              http://localhost:8081/api/v1/audit/keys); exit 0 when valid, 3 when not.
              verify-proof    check an inclusion proof, a sealed receipt or a consistency proof (JSON, as the API
                              answers them) against the checkpoints' signed tree heads and the published keys (as
                              for verify-receipt); exit 0 when valid, 3 when not.
              verify-pack     check an opportunity's evidence pack (the ZIP or its unzipped folder) offline, naming
                              the file of each problem; exit 0 when intact, 3 when not.
              help    this text.

            Environment (all optional):
              LEADLEDGER_HOME             data, logs, credentials.env and tokens.env (default ./.leadledger)
              LEADLEDGER_PG_PORT          embedded PostgreSQL port (default 15432)
              LEADLEDGER_COMMAND_DB_URL,
              LEADLEDGER_QUERY_DB_URL     use these JDBC URLs (both must be set) instead of the embedded PostgreSQL
              LEADLEDGER_DB_USER, LEADLEDGER_DB_PASSWORD   the services' credentials for them (default postgres /
                                          postgres), and LEADLEDGER_DB_MIGRATION_USER, LEADLEDGER_DB_MIGRATION_PASSWORD
                                          for their migrations (default: the same); the embedded PostgreSQL has
                                          generated ones, in $LEADLEDGER_HOME/credentials.env
              LEADLEDGER_KAFKA_PORT       Kafka broker port (default 19092; the controller uses the next port)
              LEADLEDGER_KAFKA_BOOTSTRAP  use this Kafka instead of starting a broker
              LEADLEDGER_COMMAND_PORT, LEADLEDGER_QUERY_PORT   service ports (default 8081, 8082)
              LEADLEDGER_DEV_JWT_SECRET   HS256 secret shared with the services (>= 32 bytes)
            """;

    /** Thrown for a command line that cannot be understood; the message says why. */
    static final class UsageException extends Exception {
        UsageException(String message) {
            super(message);
        }
    }

    static LauncherArgs parse(String... args) throws UsageException {
        Command command = Command.START;
        int i = 0;
        if (args.length > 0 && !args[0].startsWith("--")) {
            command = switch (args[0].toLowerCase(Locale.ROOT)) {
                case "start" -> Command.START;
                case "token" -> Command.TOKEN;
                case "help" -> Command.HELP;
                default -> throw new UsageException("unknown command '" + args[0] + "'");
            };
            i = 1;
        }
        boolean infraOnly = false;
        List<String> roles = new ArrayList<>();
        String partner = null;
        String subject = null;
        long ttlHours = 12;
        for (; i < args.length; i++) {
            String arg = args[i];
            String name = arg;
            String value = null;
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 0) {
                name = arg.substring(0, eq);
                value = arg.substring(eq + 1);
            }
            switch (name) {
                case "-h", "--help" -> command = Command.HELP;
                case "--infra-only" -> {
                    requireCommand(command, Command.START, name);
                    infraOnly = true;
                }
                case "--role" -> {
                    requireCommand(command, Command.TOKEN, name);
                    if (value == null) {
                        value = next(args, ++i, name);
                    }
                    for (String role : value.split(",")) {
                        String r = role.trim().toUpperCase(Locale.ROOT);
                        if (r.startsWith("ROLE_")) {
                            r = r.substring(5);
                        }
                        if (!KNOWN_ROLES.contains(r)) {
                            throw new UsageException("unknown role '" + role.trim() + "'; known roles: "
                                    + String.join(", ", KNOWN_ROLES.stream().sorted().toList()));
                        }
                        if (!roles.contains(r)) {
                            roles.add(r);
                        }
                    }
                }
                case "--partner" -> {
                    requireCommand(command, Command.TOKEN, name);
                    partner = value != null ? value : next(args, ++i, name);
                }
                case "--sub" -> {
                    requireCommand(command, Command.TOKEN, name);
                    subject = value != null ? value : next(args, ++i, name);
                }
                case "--ttl-hours" -> {
                    requireCommand(command, Command.TOKEN, name);
                    String v = value != null ? value : next(args, ++i, name);
                    try {
                        ttlHours = Long.parseLong(v);
                    } catch (NumberFormatException e) {
                        throw new UsageException("--ttl-hours needs a whole number of hours, not '" + v + "'");
                    }
                    if (ttlHours <= 0) {
                        throw new UsageException("--ttl-hours must be positive");
                    }
                }
                default -> throw new UsageException("unknown option '" + arg + "'");
            }
        }
        if (command == Command.TOKEN) {
            if (roles.isEmpty()) {
                throw new UsageException("token needs at least one --role");
            }
            if (roles.contains("PARTNER") && partner == null) {
                throw new UsageException("a PARTNER token needs --partner <partner id>, e.g. --partner P-1001");
            }
            if (subject == null) {
                subject = partner != null ? partner.toLowerCase(Locale.ROOT) + "-user"
                        : roles.get(0).toLowerCase(Locale.ROOT).replace('_', '-');
            }
        }
        return new LauncherArgs(command, infraOnly, List.copyOf(roles), partner, subject, ttlHours);
    }

    private static void requireCommand(Command actual, Command expected, String option) throws UsageException {
        if (actual != expected) {
            throw new UsageException(option + " belongs to the '" + expected.name().toLowerCase(Locale.ROOT)
                    + "' command");
        }
    }

    private static String next(String[] args, int i, String option) throws UsageException {
        if (i >= args.length || args[i].startsWith("--")) {
            throw new UsageException(option + " needs a value");
        }
        return args[i];
    }
}
