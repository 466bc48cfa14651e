package com.leadledger.deploy;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The two services as their code describes them ({@link ServiceFacts}), with what each needs from a deployment
 * outside the local profile (docs/operations.md, "Running without the launcher"): the token issuer's JWKS, issuer and
 * audience, its database and the credentials of its two roles (docs/operations.md, "Database roles"), Kafka, the
 * JVM's memory caps; the command side its receipt signing keys; the query side the command service's URL and the
 * OAuth2 client credentials for its token there.
 */
record LeadLedgerServices(ServiceFacts command, ServiceFacts query) {

    static final String RECEIPT_KEY_DIR = "LEADLEDGER_RECEIPT_KEY_DIR";
    static final String COMMAND_URL = "LEADLEDGER_COMMAND_URL";
    static final String JAVA_TOOL_OPTIONS = "JAVA_TOOL_OPTIONS";
    /** The C library's allocator arenas, which {@link com.leadledger.localruntime.ServiceJvm} sets for the services. */
    static final String MALLOC_ARENA_MAX = "MALLOC_ARENA_MAX";

    /** The database credentials in two pairs: the application role's, and the migration owner's. */
    private static final Set<String> EVERY_SERVICE_NEEDS = Set.of("LEADLEDGER_JWT_JWKS_URI", "LEADLEDGER_JWT_ISSUER",
            "LEADLEDGER_JWT_AUDIENCE", "LEADLEDGER_DB_USER", "LEADLEDGER_DB_PASSWORD", "LEADLEDGER_DB_MIGRATION_USER",
            "LEADLEDGER_DB_MIGRATION_PASSWORD", "LEADLEDGER_KAFKA_BOOTSTRAP", JAVA_TOOL_OPTIONS, MALLOC_ARENA_MAX);

    static LeadLedgerServices read() {
        Path root = RepositoryFiles.root();
        return new LeadLedgerServices(
                ServiceFacts.read(root, "command-service",
                        union(EVERY_SERVICE_NEEDS, Set.of("LEADLEDGER_COMMAND_DB_URL", RECEIPT_KEY_DIR))),
                ServiceFacts.read(root, "query-service",
                        union(EVERY_SERVICE_NEEDS, Set.of("LEADLEDGER_QUERY_DB_URL", COMMAND_URL,
                                "LEADLEDGER_COMMAND_TOKEN_URI", "LEADLEDGER_COMMAND_CLIENT_ID",
                                "LEADLEDGER_COMMAND_CLIENT_SECRET"))));
    }

    List<ServiceFacts> all() {
        return List.of(command, query);
    }

    /** The URL under which the query service reaches the command service, given the host the deployment names it. */
    String commandUrl(String host) {
        return "http://" + host + ":" + command.port();
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        return Stream.concat(a.stream(), b.stream()).collect(Collectors.toSet());
    }
}
