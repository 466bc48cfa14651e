package com.leadledger.localruntime;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.InputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The launcher's embedded PostgreSQL runs where its binaries are on the class path: linux x86-64 and linux arm64
 * (zonky picks the bundle {@code postgres-<os>-<arch>.txz} matching the JVM's platform). Other platforms use a
 * PostgreSQL of their own (docs/operations.md, "Platforms").
 */
class EmbeddedPostgresPlatformsTest {

    @ParameterizedTest
    @ValueSource(strings = {"postgres-linux-x86_64.txz", "postgres-linux-arm_64.txz"})
    void theBinariesForEachSupportedLinuxPlatformAreOnTheClassPath(String bundle) throws IOException {
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(bundle)) {
            assertThat(in).as(bundle).isNotNull();
            assertThat(in.readNBytes(6)).as(bundle + " is an xz archive")
                    .containsExactly(0xFD, '7', 'z', 'X', 'Z', 0x00);
        }
    }
}
