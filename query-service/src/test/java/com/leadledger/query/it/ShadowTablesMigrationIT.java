package com.leadledger.query.it;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rebuild's shadow tables are unlogged (a rebuild writes them without WAL) and have their read model's unique
 * indexes only. A database whose shadow tables an earlier version created otherwise gets them so at the next start:
 * afterMigrate runs on every one.
 */
class ShadowTablesMigrationIT {

    @Test
    void shadowTablesAnEarlierVersionCreatedWithWalBecomeUnloggedAtTheNextMigration() throws SQLException {
        FreshQueryDatabase database = FreshQueryDatabase.named("unlogged_shadows");
        Flyway flyway = database.flyway();
        flyway.migrate();

        try (Connection db = database.connectAsMigrationOwner(); Statement sql = db.createStatement()) {
            assertThat(loggedShadowTables(sql)).as("created by this version").isEmpty();

            sql.execute("ALTER TABLE leadledger_rebuild.rebuild_applied SET LOGGED");
            sql.execute("CREATE TABLE leadledger_rebuild.rebuild_skipped (event_id TEXT PRIMARY KEY)");
            sql.execute("DROP TABLE leadledger_rebuild.registration_view");
            sql.execute("CREATE TABLE leadledger_rebuild.registration_view (LIKE public.registration_view"
                    + " INCLUDING ALL)");
            assertThat(loggedShadowTables(sql)).as("as an earlier version left them")
                    .containsExactlyInAnyOrder("rebuild_applied", "rebuild_skipped", "registration_view");

            flyway.migrate(); // nothing to migrate: only the afterMigrate scripts run

            assertThat(loggedShadowTables(sql)).as("the earlier version's list of skipped events is gone").isEmpty();
        }
    }

    @Test
    void shadowTablesAnEarlierVersionCreatedWithEveryIndexKeepOnlyTheUniqueOnesAtTheNextMigration()
            throws SQLException {
        FreshQueryDatabase database = FreshQueryDatabase.named("unique_index_shadows");
        Flyway flyway = database.flyway();
        flyway.migrate();

        try (Connection db = database.connectAsMigrationOwner(); Statement sql = db.createStatement()) {
            assertThat(nonUniqueShadowIndexes(sql)).as("created by this version").isEmpty();

            sql.execute("DROP TABLE leadledger_rebuild.registration_view");
            sql.execute("CREATE UNLOGGED TABLE leadledger_rebuild.registration_view (LIKE public.registration_view"
                    + " INCLUDING ALL)");
            assertThat(nonUniqueShadowIndexes(sql)).as("as an earlier version left them").isNotEmpty();

            flyway.migrate(); // nothing to migrate: only the afterMigrate scripts run

            assertThat(nonUniqueShadowIndexes(sql)).isEmpty();
            try (ResultSet rs = sql.executeQuery("SELECT count(*) FROM pg_index"
                    + " WHERE indrelid = 'leadledger_rebuild.registration_view'::regclass AND indisunique")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getLong(1)).as("the unique indexes, the primary key among them").isPositive();
            }
        }
    }

    private static List<String> nonUniqueShadowIndexes(Statement sql) throws SQLException {
        List<String> indexes = new ArrayList<>();
        try (ResultSet rs = sql.executeQuery("""
                SELECT c.relname FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
                JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE n.nspname = 'leadledger_rebuild' AND NOT i.indisunique""")) {
            while (rs.next()) {
                indexes.add(rs.getString(1));
            }
        }
        return indexes;
    }

    private static List<String> loggedShadowTables(Statement sql) throws SQLException {
        List<String> logged = new ArrayList<>();
        try (ResultSet rs = sql.executeQuery("""
                SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE n.nspname = 'leadledger_rebuild' AND c.relkind = 'r' AND c.relpersistence <> 'u'""")) {
            while (rs.next()) {
                logged.add(rs.getString(1));
            }
        }
        return logged;
    }
}
