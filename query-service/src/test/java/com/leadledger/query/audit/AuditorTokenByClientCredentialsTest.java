package com.leadledger.query.audit;

import com.leadledger.kit.security.TokenProperties;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Outside the local profile the query service has no static token for the command side: it asks the token issuer for
 * one by the OAuth2 client-credentials grant, over real HTTP, and reuses it while it is valid.
 */
class AuditorTokenByClientCredentialsTest {

    private static final String ACCESS_TOKEN = "issued-auditor-token";
    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    private HttpServer server;
    private final List<String> tokenRequests = new CopyOnWriteArrayList<>();
    private final List<String> tokenAuthorizations = new CopyOnWriteArrayList<>();
    private final List<String> auditAuthorizations = new CopyOnWriteArrayList<>();

    @BeforeEach
    void issuerAndCommandService() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/token", exchange -> {
            tokenRequests.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            tokenAuthorizations.add(exchange.getRequestHeaders().getFirst("Authorization"));
            answer(exchange, "{\"access_token\":\"" + ACCESS_TOKEN + "\",\"token_type\":\"Bearer\",\"expires_in\":300}");
        });
        server.createContext("/api/v1/audit/heads", exchange -> {
            auditAuthorizations.add(exchange.getRequestHeaders().getFirst("Authorization"));
            answer(exchange, "{\"events\":7,\"maxGlobalIndex\":9,\"streams\":2}");
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void theQueryServiceGetsItsAuditorTokenByClientCredentialsAndReusesIt() {
        var client = new CommandServiceProperties.Client(base() + "/token", "query-service", "s3cret", "audit");
        var audit = new CommandAuditClient(new JsonMapper(), properties(client), new ClientCredentialsServiceToken(client, TIMEOUT));

        assertThat(audit.heads()).isEqualTo(new CommandAuditClient.Heads(7, 9, 2));
        assertThat(audit.heads()).isEqualTo(new CommandAuditClient.Heads(7, 9, 2));

        assertThat(tokenRequests).hasSize(1);
        assertThat(tokenRequests.get(0)).contains("grant_type=client_credentials").contains("scope=audit");
        assertThat(tokenAuthorizations.get(0)).isEqualTo("Basic " + Base64.getEncoder()
                .encodeToString("query-service:s3cret".getBytes(StandardCharsets.UTF_8)));
        assertThat(auditAuthorizations).containsExactly("Bearer " + ACCESS_TOKEN, "Bearer " + ACCESS_TOKEN);
    }

    @Test
    void aRefusedClientMakesTheCommandSideUnavailableNotAnonymous() {
        server.removeContext("/token");
        server.createContext("/token", exchange -> {
            byte[] body = "{\"error\":\"invalid_client\"}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(401, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        var client = new CommandServiceProperties.Client(base() + "/token", "query-service", "wrong", null);
        var audit = new CommandAuditClient(new JsonMapper(), properties(client), new ClientCredentialsServiceToken(client, TIMEOUT));

        assertThatThrownBy(audit::heads).isInstanceOf(CommandAuditClient.Unavailable.class)
                .hasMessageContaining("client credentials");
        assertThat(auditAuthorizations).isEmpty();
    }

    @Test
    void aStalledIssuerMakesTheCommandSideUnavailableWithinTheTimeout() {
        CountDownLatch released = new CountDownLatch(1);
        server.removeContext("/token");
        server.createContext("/token", exchange -> {
            try {
                released.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
        });
        var client = new CommandServiceProperties.Client(base() + "/token", "query-service", "s3cret", null);
        var audit = new CommandAuditClient(new JsonMapper(), properties(client),
                new ClientCredentialsServiceToken(client, TIMEOUT));

        long started = System.nanoTime();
        try {
            assertThatThrownBy(audit::heads).isInstanceOf(CommandAuditClient.Unavailable.class);
        } finally {
            released.countDown();
        }
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
        assertThat(auditAuthorizations).isEmpty();
    }

    @Test
    void cannotStartOutsideTheLocalProfileWithoutClientCredentials() {
        var tokens = new TokenProperties(null, "https://issuer.example/jwks", "https://issuer.example", "leadledger",
                Duration.ofSeconds(30));
        var incomplete = new CommandServiceProperties.Client(base() + "/token", "query-service", "", null);

        assertThatThrownBy(() -> new ServiceTokenConfiguration().serviceToken(properties(incomplete), tokens))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("LEADLEDGER_COMMAND_CLIENT_SECRET");
        assertThat(new ServiceTokenConfiguration().serviceToken(properties(
                new CommandServiceProperties.Client(base() + "/token", "query-service", "s3cret", null)), tokens))
                .isInstanceOf(ClientCredentialsServiceToken.class);
    }

    private CommandServiceProperties properties(CommandServiceProperties.Client client) {
        return new CommandServiceProperties(base(), client, Duration.ofSeconds(5));
    }

    private String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private static void answer(HttpExchange exchange, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }
}
