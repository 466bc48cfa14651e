package com.leadledger.launcher;

import com.leadledger.localruntime.LocalPostgres;
import com.leadledger.localruntime.Processes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The PostgreSQL the launcher starts keeps what it acknowledged: a crash of the OS loses no committed transaction. */
class LauncherPostgresTest {

    @Test
    void theLaunchersPostgresIsDurable(@TempDir Path dir) throws Exception {
        LauncherConfig config = LauncherConfig.from(
                Map.of("LEADLEDGER_PG_PORT", Integer.toString(Processes.freePort())), dir);
        try (LocalPostgres postgres = LocalSystem.postgres(config, config.home().resolve("pg"),
                config.home().resolve("logs")).start()) {
            assertThat(show(postgres, "fsync")).isEqualTo("on");
            assertThat(show(postgres, "synchronous_commit")).isEqualTo("on");
            assertThat(show(postgres, "full_page_writes")).isEqualTo("on");
            assertThat(show(postgres, "max_connections")).isEqualTo("200");
        }
    }

    private static String show(LocalPostgres postgres, String setting) throws Exception {
        try (Connection db = postgres.connect("postgres"); Statement st = db.createStatement();
             ResultSet rs = st.executeQuery("SHOW " + setting)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
