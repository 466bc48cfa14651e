package com.leadledger.e2e;

import com.leadledger.localruntime.ServiceProcess;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The tests start the services from their jars unpacked by Spring Boot's jar tools, beside the executable jar
 * (docs/operations.md, "Service starts"); the class-data-sharing archive that comes with it is tested in local-runtime.
 */
class FastServiceStartIT {

    static final LeadLedgerSystem system = LeadLedgerSystem.get();

    @Test
    void theServicesRunFromTheirUnpackedJars() throws Exception {
        for (ServiceProcess service : List.of(system.command, system.query)) {
            List<String> commandLine = commandLine(service);
            String jar = commandLine.get(commandLine.indexOf("-jar") + 1);
            assertThat(Path.of(jar)).as(service.name()).isRegularFile();
            assertThat(jar).as(service.name()).matches(".*/target/fast-start/" + service.name()
                    + "-exec\\.jar-\\d+-\\d+/unpacked/" + service.name() + "-exec\\.jar");
            assertThat(Path.of(jar).resolveSibling("lib")).as(service.name() + "'s libraries").isDirectory();
        }
    }

    private static List<String> commandLine(ServiceProcess service) throws Exception {
        long pid = service.pid().orElseThrow();
        return Arrays.asList(Files.readString(Path.of("/proc/" + pid + "/cmdline")).split("\0"));
    }
}
