package com.leadledger.localruntime;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LocalPostgresTest {

    @TempDir
    Path dir;

    @Test
    void keepsItsDatabasesAcrossRunsOnTheSameDataDirectory() throws Exception {
        Path log = dir.resolve("logs/postgres.log");
        try (LocalPostgres pg = LocalPostgres.builder().dataDirectory(dir.resolve("pg")).keepData(true).logFile(log)
                .setting("max_connections", "50").start()) {
            assertThat(pg.postmasterPid()).isPresent();
            assertThat(pg.createDatabaseIfMissing("ledger")).isTrue();
            assertThat(pg.createDatabaseIfMissing("ledger")).isFalse();
            try (Connection c = pg.connect("ledger"); Statement st = c.createStatement()) {
                st.execute("create table kept (id int primary key)");
                st.execute("insert into kept values (7)");
            }
        }
        assertThat(log).isNotEmptyFile();

        try (LocalPostgres again = LocalPostgres.builder().dataDirectory(dir.resolve("pg")).keepData(true).start();
             Connection c = again.connect("ledger"); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("select id from kept")) {
            assertThat(again.createDatabaseIfMissing("ledger")).isFalse();
            assertThat(rs.next()).isTrue();
            assertThat(rs.getInt(1)).isEqualTo(7);
        }
    }

    @Test
    void isDurableUnlessToldOtherwise() throws Exception {
        try (LocalPostgres durable = LocalPostgres.builder().start()) {
            assertThat(setting(durable, "fsync")).isEqualTo("on");
            assertThat(setting(durable, "synchronous_commit")).isEqualTo("on");
            assertThat(setting(durable, "full_page_writes")).isEqualTo("on");
        }
    }

    @Test
    void aTakenPortIsNamedInTheMessage() throws Exception {
        try (LocalPostgres first = LocalPostgres.builder().notDurable().start()) {
            assertThat(first.postmasterPid()).isEmpty();
            assertThat(setting(first, "fsync")).isEqualTo("off");
            assertThat(setting(first, "synchronous_commit")).isEqualTo("off");
            assertThatThrownBy(() -> LocalPostgres.builder().port(first.port(), "PostgreSQL, MY_PORT").start())
                    .hasMessageContaining("port " + first.port() + " (PostgreSQL, MY_PORT) is already in use");
        }
    }

    private static String setting(LocalPostgres pg, String name) throws Exception {
        try (Connection c = pg.connect("postgres"); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SHOW " + name)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
