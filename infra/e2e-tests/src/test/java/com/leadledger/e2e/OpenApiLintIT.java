package com.leadledger.e2e;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Both served OpenAPI documents pass Redocly CLI's recommended ruleset ({@code infra/e2e-tests/redocly.yaml}) with no
 * error. Needs {@code redocly} on the PATH ({@code .ci/run} installs it from npm when missing); without it the test
 * fails.
 */
class OpenApiLintIT {

    @Test
    void theCommandDocumentHasNoLintError() throws Exception {
        assertLintsClean(ServedDocuments.fetch(LeadLedgerSystem.get().commandApi, "command-service"));
    }

    @Test
    void theQueryDocumentHasNoLintError() throws Exception {
        assertLintsClean(ServedDocuments.fetch(LeadLedgerSystem.get().queryApi, "query-service"));
    }

    private static void assertLintsClean(Path document) throws Exception {
        Path config = ServedDocuments.MODULE.resolve("redocly.yaml");
        ProcessBuilder lint = new ProcessBuilder(List.of("redocly", "lint", "--config", config.toString(),
                "--format", "stylish", document.toString())).redirectErrorStream(true);
        // no usage data and no update check leave this machine
        lint.environment().put("REDOCLY_TELEMETRY", "off");
        lint.environment().put("REDOCLY_SUPPRESS_UPDATE_NOTICE", "true");
        Process process;
        try {
            process = lint.start();
        } catch (IOException notInstalled) {
            throw new AssertionError("redocly is not on the PATH; install it with "
                    + "'npm install -g @redocly/cli' (.ci/run does when it is missing)", notInstalled);
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).as("redocly finished").isTrue();
        System.out.println(output);
        assertThat(process.exitValue()).as("redocly lint of %s:%n%s", document, output).isZero();
        assertThat(output).as(output).doesNotContainPattern("(?m)^\\s*\\d+:\\d+\\s+error");
    }
}
