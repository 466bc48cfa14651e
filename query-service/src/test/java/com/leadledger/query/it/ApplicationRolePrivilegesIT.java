package com.leadledger.query.it;

import com.leadledger.localruntime.DatabaseRoles;
import com.leadledger.testsupport.PostgresServer;
import com.leadledger.testsupport.RolePrivileges;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Set;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every table, view and sequence of the query database, with what the application role may do on it: exactly this
 * list, which afterMigrate__2_application_role_grants.sql grants. A migration that adds a table fails here until the
 * table is decided on in both places (an empty set: out of the role's reach).
 */
class ApplicationRolePrivilegesIT {

    static final Set<String> APPEND = Set.of("SELECT", "INSERT");
    static final Set<String> ADDED_ONCE = Set.of("SELECT", "INSERT", "DELETE"); // deleted only by a rebuild's swap
    static final Set<String> ALL_ROWS = Set.of("SELECT", "INSERT", "UPDATE", "DELETE");
    static final Set<String> SHADOW = Set.of("SELECT", "INSERT", "UPDATE", "DELETE", "TRUNCATE");

    static final Map<String, Set<String>> ALLOWED = Map.ofEntries(
            entry("event_log", APPEND),
            entry("dead_letter", Set.of("SELECT", "INSERT", "UPDATE")),
            entry("dead_letter_id_seq", Set.of()),
            entry("idempotency_key", ALL_ROWS),
            entry("dispute_view", ALL_ROWS),
            entry("opportunity_view", ALL_ROWS),
            entry("partner_view", ALL_ROWS),
            entry("registration_view", ALL_ROWS),
            entry("notice", ADDED_ONCE),
            entry("policy_view", ADDED_ONCE),
            entry("support_history", ADDED_ONCE),
            entry("dumping_flag_view", ALL_ROWS),
            entry("flyway_schema_history", Set.of()),
            entry("leadledger_rebuild.dispute_view", SHADOW),
            entry("leadledger_rebuild.opportunity_view", SHADOW),
            entry("leadledger_rebuild.partner_view", SHADOW),
            entry("leadledger_rebuild.registration_view", SHADOW),
            entry("leadledger_rebuild.notice", SHADOW),
            entry("leadledger_rebuild.policy_view", SHADOW),
            entry("leadledger_rebuild.support_history", SHADOW),
            entry("leadledger_rebuild.dumping_flag_view", SHADOW),
            entry("leadledger_rebuild.rebuild_applied", SHADOW),
            entry("leadledger_rebuild.rebuild_run", SHADOW));

    @Test
    void theApplicationRoleHoldsExactlyTheListedPrivilegesAndOwnsNothing() throws Exception {
        FreshQueryDatabase database = FreshQueryDatabase.named("app_privileges");
        PostgresServer pg = database.server();
        DatabaseRoles roles = database.roles();
        String url = database.url();
        database.flyway().migrate();
        database.flyway().migrate(); // nothing to migrate: the shadow tables stay, the grants are applied again

        try (Connection db = DriverManager.getConnection(url, pg.username(), pg.password())) {
            assertThat(RolePrivileges.onRelations(db, roles.appUser(), "public", "leadledger_rebuild"))
                    .isEqualTo(ALLOWED);
            assertThat(RolePrivileges.functionsBeyondPublic(db, roles.appUser(), "public", "leadledger_rebuild"))
                    .isEmpty();
            assertThat(RolePrivileges.owned(db, roles.appUser())).isEmpty();
        }
        try (Connection app = DriverManager.getConnection(url, roles.appUser(), roles.appPassword());
             Statement sql = app.createStatement()) {
            for (String change : new String[]{"UPDATE event_log SET payload = payload", "DELETE FROM event_log",
                    "TRUNCATE event_log", "ALTER TABLE event_log DISABLE TRIGGER ALL", "DROP TABLE event_log",
                    "TRUNCATE registration_view", "ALTER TABLE registration_view ADD COLUMN x int",
                    "CREATE TABLE leadledger_rebuild.x (id int)"}) {
                assertThatThrownBy(() -> sql.execute(change)).as(change).isInstanceOf(SQLException.class)
                        .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("42501"));
            }
        }
    }
}
