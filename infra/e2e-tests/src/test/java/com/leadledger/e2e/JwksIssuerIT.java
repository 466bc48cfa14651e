package com.leadledger.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.leadledger.integrity.receipt.ReceiptKeyRing;
import com.leadledger.localruntime.ChildProcess;
import com.leadledger.localruntime.DevTokens;
import com.leadledger.localruntime.ProjectPaths;
import com.leadledger.localruntime.ServiceProcess;
import com.leadledger.testsupport.HttpApi;
import com.leadledger.testsupport.Inns;
import com.leadledger.testsupport.PostgresServer;
import com.leadledger.testsupport.TestInfrastructure;
import com.nimbusds.jwt.JWTClaimsSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The services as they run outside the local profile: no dev secret, tokens verified with a real issuer's JWKS, the
 * query service's AUDITOR token for the command side obtained by the OAuth2 client-credentials grant, receipt keys
 * provisioned in a key directory, partners onboarded by an ADMIN. One {@link TokenIssuer} over HTTP, both services
 * started once from their executable jars on the shared test PostgreSQL (its two roles) and Kafka.
 */
class JwksIssuerIT {

    static final String AUDIENCE = "leadledger-e2e";
    static final String CLIENT_ID = "leadledger-query-service";
    /** Characters HTTP Basic client authentication must form-urlencode (RFC 6749 section 2.3.1). */
    static final String CLIENT_SECRET = "s3cret+with/special=chars and a space";
    static final String PARTNER = "P-JWKS-1";

    static TokenIssuer issuer;
    static ServiceProcess command;
    static ServiceProcess query;
    static HttpApi commandApi;
    static HttpApi queryApi;

    @BeforeAll
    static void startIssuerAndServices() throws Exception {
        issuer = TokenIssuer.start(AUDIENCE, CLIENT_ID, CLIENT_SECRET);
        Path home = ProjectPaths.root().resolve("infra/e2e-tests/target/jwks-issuer-" + UUID.randomUUID());
        Path keys = home.resolve("receipt-keys");
        ReceiptKeyRing.generate(keys, LocalDate.now()); // provisioned by the operator: nothing is generated here

        PostgresServer pg = TestInfrastructure.postgres();
        Map<String, String> env = new HashMap<>();
        // no profile and no dev secret, even if the shell running the build exports them
        env.put("SPRING_PROFILES_ACTIVE", "");
        env.put("LEADLEDGER_DEV_JWT_SECRET", "");
        env.put("LEADLEDGER_JWT_JWKS_URI", issuer.jwksUri());
        env.put("LEADLEDGER_JWT_ISSUER", issuer.issuer());
        env.put("LEADLEDGER_JWT_AUDIENCE", AUDIENCE);
        env.put("LEADLEDGER_COMMAND_DB_URL", pg.jdbcUrl(pg.freshDatabase("jwks_command")));
        env.put("LEADLEDGER_QUERY_DB_URL", pg.jdbcUrl(pg.freshDatabase("jwks_query")));
        env.putAll(pg.roles().environment()); // the application role, migrating as the migration owner
        env.put("LEADLEDGER_KAFKA_BOOTSTRAP", TestInfrastructure.kafka().bootstrapServers());
        env.put("LEADLEDGER_TOPIC", "leadledger.events.jwks-" + UUID.randomUUID());
        env.put("LEADLEDGER_QUERY_GROUP", "leadledger-query-jwks-" + UUID.randomUUID());
        env.put("LEADLEDGER_HOME", home.toString());
        env.put("LEADLEDGER_RECEIPT_KEY_DIR", keys.toString());
        env.put("LEADLEDGER_CHECKPOINT_INTERVAL", "1s");
        command = service(ProjectPaths.commandServiceJar(), "command-service", env);

        env.put("LEADLEDGER_COMMAND_URL", command.baseUrl());
        env.put("LEADLEDGER_COMMAND_TOKEN_URI", issuer.tokenUri());
        env.put("LEADLEDGER_COMMAND_CLIENT_ID", CLIENT_ID);
        env.put("LEADLEDGER_COMMAND_CLIENT_SECRET", CLIENT_SECRET);
        env.put("LEADLEDGER_RECONCILIATION_INTERVAL", "2s");
        query = service(ProjectPaths.queryServiceJar(), "query-service", env);
        ServiceProcess.startTogether(command, query);

        commandApi = new HttpApi(command.baseUrl());
        queryApi = new HttpApi(query.baseUrl());
    }

    static ServiceProcess service(Path jar, String name, Map<String, String> env) throws Exception {
        Path logs = Files.createDirectories(ProjectPaths.root().resolve("infra/e2e-tests/target/service-logs"));
        return ServiceProcess.builder(jar).name(name).env(env)
                .jvmArgs("-Xmx384m", "-XX:TieredStopAtLevel=1").logFile(logs.resolve("jwks-issuer-" + name + ".log"))
                .startTimeout(Duration.ofSeconds(180)).build();
    }

    @AfterAll
    static void stopEverything() {
        Stream.<ChildProcess<?>>of(query, command).filter(Objects::nonNull).forEach(ChildProcess::kill);
        if (issuer != null) {
            issuer.close();
        }
    }

    static String staff(String role) {
        return issuer.mint(role.toLowerCase() + "-jwks", List.of(role), null);
    }

    static String partner(String partnerId) {
        return issuer.mint("user-of-" + partnerId, List.of("PARTNER"), partnerId);
    }

    @Test
    void aPartnerOnboardedByAnAdminRegistersWithAnIssuerTokenAndSeesItOnTheQueryService() {
        var onboarded = commandApi.post("/api/v1/partners", staff("ADMIN"), """
                {"partnerId": "%s", "name": "JWKS Partner", "tier": "GOLD", "productLines": ["NETWORK_SECURITY"]}"""
                .formatted(PARTNER));
        assertThat(onboarded.status()).as(onboarded.raw()).isEqualTo(201);

        String inn = Inns.random();
        var submitted = commandApi.post("/api/v1/registrations", partner(PARTNER), """
                {"customer": {"legalName": "JWKS %s", "country": "RU", "taxId": "%s"},
                 "productLine": "NETWORK_SECURITY", "estimatedValue": {"amount": "500000", "currency": "RUB"},
                 "expectedCloseDate": "%s"}""".formatted(inn, inn, LocalDate.now().plusDays(60)));
        assertThat(submitted.status()).as(submitted.raw()).isEqualTo(201);
        String registrationId = submitted.text("registrationId");

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> queryApi.get("/api/v1/registrations/" + registrationId, partner(PARTNER)).status() == 200);
        var view = queryApi.get("/api/v1/registrations/" + registrationId, partner(PARTNER));
        assertThat(view.text("partnerId")).isEqualTo(PARTNER);
        assertThat(view.text("registrationId")).isEqualTo(registrationId);
    }

    @Test
    void onlyTheIssuersTokensForThisDeploymentAreAcceptedByBothServices() {
        Map<String, String> refused = new LinkedHashMap<>();
        refused.put("signed by another key under the issuer's key id", TokenIssuer.sign(
                auditorClaims().build(), TokenIssuer.newRsaKey(issuer.signingKey().getKeyID())));
        refused.put("signed by a key the issuer does not publish", TokenIssuer.sign(
                auditorClaims().build(), TokenIssuer.newRsaKey("unknown-key")));
        refused.put("for another audience", TokenIssuer.sign(
                auditorClaims().audience("another-service").build(), issuer.signingKey()));
        refused.put("of another issuer", TokenIssuer.sign(
                auditorClaims().issuer("https://another-issuer.example").build(), issuer.signingKey()));
        Instant expired = Instant.now().minus(Duration.ofMinutes(5)); // far beyond the 30 s clock skew
        refused.put("expired", TokenIssuer.sign(auditorClaims().issueTime(Date.from(expired.minusSeconds(3600)))
                .expirationTime(Date.from(expired)).build(), issuer.signingKey()));
        refused.put("HS256 with the documented dev secret", DevTokens.sign(DevTokens.DEFAULT_SECRET,
                auditorClaims().build()));
        refused.put("the local profile's dev token", DevTokens.mint("auditor-jwks", List.of("AUDITOR"), null));

        Map<String, String> accepted = Map.of(
                "RS256 by the issuer", TokenIssuer.sign(auditorClaims().build(), issuer.signingKey()),
                "ES256 by the issuer", TokenIssuer.sign(auditorClaims().build(), issuer.ellipticCurveKey()));
        Map<HttpApi, String> auditorPaths = Map.of(commandApi, "/api/v1/audit/checkpoints", queryApi,
                "/api/v1/audit/events?aggregateId=" + UUID.randomUUID());
        auditorPaths.forEach((api, path) -> {
            accepted.forEach((what, token) ->
                    assertThat(api.get(path, token).status()).as(what + " at " + path).isEqualTo(200));
            refused.forEach((what, token) -> {
                var answer = api.get(path, token);
                assertThat(answer.status()).as(what + " at " + path).isEqualTo(401);
                assertThat(answer.text("code")).as(what + " at " + path).isEqualTo("UNAUTHENTICATED");
            });
        });
    }

    @Test
    void theQueryServiceReadsTheCommandSidesCheckpointsWithItsClientCredentialsToken() {
        String auditor = staff("AUDITOR");
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).alias("a sealed checkpoint")
                .until(() -> commandApi.get("/api/v1/audit/checkpoints", auditor).body().path("total").asLong() > 0);

        AtomicReference<JsonNode> reconciliation = new AtomicReference<>();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).alias("reconciliation IN_SYNC")
                .until(() -> {
                    var answer = queryApi.get("/api/v1/audit/reconciliation?refresh=true", auditor);
                    reconciliation.set(answer.body());
                    return answer.status() == 200 && "IN_SYNC".equals(answer.text("state"));
                });
        assertThat(reconciliation.get().at("/command/events").asLong()).isPositive();
        assertThat(reconciliation.get().at("/checkpoints/status").asText()).isEqualTo("VERIFIED");
        assertThat(reconciliation.get().at("/checkpoints/verified").asLong()).isPositive();

        var verified = queryApi.get("/api/v1/audit/verify", auditor);
        assertThat(verified.status()).as(verified.raw()).isEqualTo(200);
        assertThat(verified.body().get("intact").asBoolean()).as(verified.raw()).isTrue();
        assertThat(verified.body().at("/checkpoints/status").asText()).as(verified.raw()).isEqualTo("VERIFIED");
        assertThat(verified.body().at("/checkpoints/verified").asLong()).isPositive();

        assertThat(issuer.tokenRequests()).as("the query service's requests at the token endpoint").isNotEmpty()
                .allSatisfy(request -> assertThat(request)
                        .isEqualTo(new TokenIssuer.TokenRequest(CLIENT_ID, "client_credentials", true)));
        int tokensIssued = issuer.tokenRequests().size();
        assertThat(queryApi.get("/api/v1/audit/reconciliation?refresh=true", auditor).text("state"))
                .isNotEqualTo("UNAVAILABLE");
        assertThat(issuer.tokenRequests()).as("the token is reused while valid").hasSize(tokensIssued);
    }

    @Test
    void apiDocsNeedATokenAndHealthAnswersAnonymousCallersWithTheStatusOnly() {
        for (HttpApi api : List.of(commandApi, queryApi)) {
            assertThat(api.get("/v3/api-docs", null).status()).isEqualTo(401);
            var docs = api.get("/v3/api-docs", partner(PARTNER));
            assertThat(docs.status()).isEqualTo(200);
            assertThat(docs.body().path("paths").size()).isPositive();

            for (String probe : List.of("/actuator/health/liveness", "/actuator/health/readiness")) {
                var answer = api.get(probe, null);
                assertThat(answer.status()).as(probe).isEqualTo(200);
                assertThat(answer.raw().replace(" ", "")).as(probe).isEqualTo("{\"status\":\"UP\"}");
            }
            var anonymous = api.get("/actuator/health", null);
            assertThat(anonymous.status()).isEqualTo(200);
            assertThat(anonymous.text("status")).isEqualTo("UP");
            assertThat(anonymous.body().has("components")).as(anonymous.raw()).isFalse();

            JsonNode detailed = api.get("/actuator/health", staff("ADMIN")).body();
            assertThat(detailed.at("/components/db/status").asText()).as(detailed.toString()).isEqualTo("UP");
            assertThat(detailed.at("/components/kafka/status").asText()).as(detailed.toString()).isEqualTo("UP");
        }
    }

    private static JWTClaimsSet.Builder auditorClaims() {
        return issuer.claims("auditor-jwks", List.of("AUDITOR"), null);
    }
}
