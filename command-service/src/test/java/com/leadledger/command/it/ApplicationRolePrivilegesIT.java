package com.leadledger.command.it;

import com.leadledger.localruntime.DatabaseRoles;
import com.leadledger.testsupport.PostgresServer;
import com.leadledger.testsupport.RolePrivileges;
import com.leadledger.testsupport.TestInfrastructure;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.util.Map;
import java.util.Set;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every table, view and sequence of the command database, with what the application role may do on it: exactly this
 * list, which afterMigrate__application_role_grants.sql grants. A migration that adds a table fails here until the
 * table is decided on in both places (an empty set: out of the role's reach).
 */
class ApplicationRolePrivilegesIT {

    static final Set<String> READ = Set.of("SELECT");
    static final Set<String> APPEND = Set.of("SELECT", "INSERT");
    static final Set<String> WRITE = Set.of("SELECT", "INSERT", "UPDATE");
    static final Set<String> ALL_ROWS = Set.of("SELECT", "INSERT", "UPDATE", "DELETE");

    static final Map<String, Set<String>> ALLOWED = Map.ofEntries(
            entry("domainevententry", APPEND),
            entry("domainevententry_globalindex_seq", Set.of("USAGE")),
            entry("snapshotevententry", Set.of("SELECT", "INSERT", "DELETE")),
            entry("stream_head", READ),
            entry("chain_checkpoint", APPEND),
            entry("checkpoint_tree_head", APPEND),
            entry("relay_outbox", Set.of("SELECT", "INSERT", "DELETE")),
            entry("webhook_outbox", Set.of("SELECT", "INSERT", "DELETE")),
            entry("webhook_subscription", ALL_ROWS),
            entry("webhook_delivery", WRITE),
            entry("tokenentry", WRITE),
            entry("registration_lookup", APPEND),
            entry("program_deal", WRITE),
            entry("policy_version", APPEND),
            entry("partner_registry", WRITE),
            entry("partner_contact", Set.of("SELECT", "INSERT", "DELETE")),
            entry("mail_message", WRITE),
            entry("mail_message_id_seq", Set.of("USAGE")),
            entry("mail_protection", ALL_ROWS),
            entry("mail_dispute_party", APPEND),
            entry("points_registration", WRITE),
            entry("scheduled_tasks", ALL_ROWS),
            entry("idempotency_key", ALL_ROWS),
            entry("registration_import", APPEND),
            entry("registration_import_row", WRITE),
            entry("flyway_schema_history", Set.of()));

    @Test
    void theApplicationRoleHoldsExactlyTheListedPrivilegesAndOwnsNothing() throws Exception {
        PostgresServer pg = TestInfrastructure.postgres();
        DatabaseRoles roles = pg.roles();
        String url = pg.jdbcUrl(pg.freshDatabase("app_privileges"));
        Flyway flyway = Flyway.configure().dataSource(url, roles.migrationUser(), roles.migrationPassword())
                .placeholders(Map.of("app-role", roles.appUser())).load();
        flyway.migrate();
        flyway.migrate(); // nothing to migrate: the grants are applied again, to the same effect

        try (Connection db = DriverManager.getConnection(url, pg.username(), pg.password())) {
            assertThat(RolePrivileges.onRelations(db, roles.appUser(), "public")).isEqualTo(ALLOWED);
            assertThat(RolePrivileges.functionsBeyondPublic(db, roles.appUser(), "public"))
                    .containsExactly("leadledger_settled_boundary()");
            assertThat(RolePrivileges.owned(db, roles.appUser())).isEmpty();
        }
    }
}
