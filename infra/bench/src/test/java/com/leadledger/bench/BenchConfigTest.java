package com.leadledger.bench;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BenchConfigTest {

    @Test
    void thePostgresSettingsDefaultToSmallSharedBuffersAndAreReportedInTheirOrder() {
        assertThat(BenchConfig.from(new String[]{}).postgresSettings()).containsExactly(
                Map.entry("shared_buffers", "256MB"));

        BenchConfig config = BenchConfig.from(new String[]{"--postgres-settings=shared_buffers=2GB, max_wal_size=8GB"});

        assertThat(config.postgresSettings()).containsExactly(Map.entry("shared_buffers", "2GB"),
                Map.entry("max_wal_size", "8GB"));
        assertThat(config.describe().get("postgresSettings")).isEqualTo(config.postgresSettings());
    }

    @Test
    void theStatementAccountAddsItsLibraryToThePreloadedOnesAndIsOffByDefault() {
        assertThat(BenchConfig.from(new String[]{}).pgStatements()).isFalse();

        BenchConfig alone = BenchConfig.from(new String[]{"--pg-statements"});
        assertThat(alone.pgStatements()).isTrue();
        assertThat(alone.postgresSettings()).containsEntry("shared_preload_libraries", "pg_stat_statements")
                .containsEntry("pg_stat_statements.track", "all").containsEntry("shared_buffers", "256MB");

        BenchConfig withOthers = BenchConfig.from(new String[]{"--pg-statements=true",
                "--postgres-settings=shared_preload_libraries=auto_explain"});
        assertThat(withOthers.postgresSettings())
                .containsEntry("shared_preload_libraries", "auto_explain,pg_stat_statements");
        assertThat(withOthers.describe()).containsEntry("postgresStatements", true);

        assertThat(BenchConfig.from(new String[]{"--pg-statements",
                "--postgres-settings=shared_preload_libraries=pg_stat_statements"}).postgresSettings())
                .containsEntry("shared_preload_libraries", "pg_stat_statements");
    }

    @Test
    void aPostgresSettingThatIsNotNameEqualsValueIsRefusedNamingTheOption() {
        for (String bad : new String[]{"shared_buffers", "shared_buffers=", "=2GB", "Shared_Buffers=2GB",
                "shared_buffers=2GB,,max_wal_size=8GB"}) {
            assertThatThrownBy(() -> BenchConfig.from(new String[]{"--postgres-settings=" + bad}))
                    .as(bad).isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("postgres-settings: ");
        }
    }

    @Test
    void aWarmUpWhoseMaximumIsBelowItsMinimumIsRefusedNamingTheOption() {
        assertThatThrownBy(() -> BenchConfig.from(new String[]{"--warmup-max-seconds=60"}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("warmup-max-seconds: ")
                .hasMessageContaining("warmup-seconds (90.0)");
        BenchConfig equal = BenchConfig.from(new String[]{"--warmup-seconds=60", "--warmup-max-seconds=60"});
        assertThat(equal.warmupMaxSeconds()).isEqualTo(60);
        BenchConfig none = BenchConfig.from(new String[]{"--warmup-seconds=0", "--warmup-max-seconds=0"});
        assertThat(none.warmupSeconds()).isZero();
    }
}
