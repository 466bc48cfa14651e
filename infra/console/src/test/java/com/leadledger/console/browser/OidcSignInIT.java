package com.leadledger.console.browser;

import com.leadledger.localruntime.Processes;
import com.leadledger.localruntime.ProjectPaths;
import com.leadledger.localruntime.ServiceProcess;
import com.leadledger.oidctest.TestAuthorizationServer;
import com.leadledger.testsupport.PostgresServer;
import com.leadledger.testsupport.TestInfrastructure;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Outside the local profile the console signs users in at the organisation's OpenID Connect provider: here a real
 * Spring Authorization Server that requires PKCE of the console's public client, and whose tokens the query service
 * serving the console verifies (its issuer, its JWKS, the console's client as the audience). The user's role comes from the
 * token's {@code roles} claim, nothing of the flow is left in the browser's address, and the session cookie is
 * {@code Secure}, {@code HttpOnly} and {@code SameSite=Lax}.
 */
class OidcSignInIT {

    @Test
    void aUserSignsInAtTheProviderWithPkceAndTheConsoleKnowsTheirRole() {
        int consolePort = Processes.freePort();
        String consoleUrl = "http://localhost:" + consolePort;
        Path logs = ProjectPaths.root().resolve("infra/console/target/service-logs");
        try (ConfigurableApplicationContext provider = TestAuthorizationServer.start(consoleUrl);
             ServiceProcess console = queryServiceOutsideLocal(consolePort, TestAuthorizationServer.issuer(provider))
                     .logFile(logs.resolve("console-oidc.log")).build().start();
             Browser browser = new Browser(consoleUrl, "oidc", "en")) {

            browser.open("/console/sign-in");
            assertThat(browser.has(By.id("sign-in-AUDITOR"))).as("no demo identities outside local").isFalse();
            browser.screenshot("sign-in");
            browser.click(By.id("sign-in-oidc"));

            assertThat(browser.url()).startsWith(TestAuthorizationServer.issuer(provider));
            browser.type(By.id("username"), TestAuthorizationServer.USER);
            browser.type(By.id("password"), TestAuthorizationServer.PASSWORD);
            browser.click(By.cssSelector("button[type=submit]"));

            assertThat(browser.find(By.id("signed-in-as")).getText()).contains(TestAuthorizationServer.USER);
            assertThat(browser.url()).startsWith(consoleUrl + "/console/").doesNotContain("code=", "token");
            assertThat(browser.has(By.id("nav-review"))).as("an auditor is not offered the review queue").isFalse();
            Cookie session = browser.cookie("CONSOLE_SESSION");
            assertThat(session.isSecure()).as("Secure outside the local profile").isTrue();
            assertThat(session.isHttpOnly()).isTrue();
            assertThat(session.getSameSite()).isEqualTo("Lax");
            browser.screenshot("signed-in");
        }
    }

    /** The query service (and with it the console) in the default profile, trusting the provider's tokens. */
    private static ServiceProcess.Builder queryServiceOutsideLocal(int port, String issuer) {
        PostgresServer postgres = TestInfrastructure.postgres();
        return ServiceProcess.builder(ProjectPaths.queryServiceJar()).name("query-service-oidc").port(port)
                .env("LEADLEDGER_QUERY_DB_URL", postgres.jdbcUrl(postgres.freshDatabase("console_oidc_query")))
                .env(postgres.roles().environment())
                .env("LEADLEDGER_KAFKA_BOOTSTRAP", TestInfrastructure.kafka().bootstrapServers())
                .env("LEADLEDGER_TOPIC", "leadledger.events.console-oidc-" + UUID.randomUUID())
                // its own consumer group: joining and leaving the console's would pause that one's ingest twice
                .env("LEADLEDGER_QUERY_GROUP", "leadledger-query-console-oidc-" + UUID.randomUUID())
                .env("LEADLEDGER_RECONCILIATION_ENABLED", "false")
                .env("LEADLEDGER_JWT_ISSUER", issuer)
                .env("LEADLEDGER_JWT_JWKS_URI", issuer + "/oauth2/jwks")
                .env("LEADLEDGER_JWT_AUDIENCE", TestAuthorizationServer.CLIENT_ID)
                // its own AUDITOR token for the command side (not asked for here: no command side, no reconciliation)
                .env("LEADLEDGER_COMMAND_TOKEN_URI", issuer + "/oauth2/token")
                .env("LEADLEDGER_COMMAND_CLIENT_ID", "query-service")
                .env("LEADLEDGER_COMMAND_CLIENT_SECRET", "unused")
                .env("LEADLEDGER_CONSOLE_ENABLED", "true")
                .env("LEADLEDGER_CONSOLE_OIDC_ISSUER_URI", issuer)
                .env("LEADLEDGER_CONSOLE_OIDC_CLIENT_ID", TestAuthorizationServer.CLIENT_ID)
                .jvmArgs("-Xmx384m", "-XX:TieredStopAtLevel=1").startTimeout(Duration.ofSeconds(180));
    }
}
