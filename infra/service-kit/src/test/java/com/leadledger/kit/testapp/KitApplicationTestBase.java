package com.leadledger.kit.testapp;

import com.leadledger.kit.limits.ManualTimeMeter;
import com.leadledger.localruntime.DevTokens;
import com.leadledger.testsupport.PostgresServer;
import com.leadledger.testsupport.TestInfrastructure;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One {@link KitTestApplication} for every test class of the kit's edge, over real HTTP, on its own database of the
 * tests' real PostgreSQL. Rate-limit budgets are small here (writes 2/s, burst 10; reads 2/s, burst 20; without a
 * token 1/s, burst 6 per client address); forwarded headers are trusted from loopback, so each test is its own client
 * address ({@code X-Forwarded-For}) and each test's callers are its own: the tests share the application, not budgets.
 */
@SpringBootTest(classes = KitTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "spring.profiles.active=local",
                "leadledger.security.dev-jwt-secret=" + KitApplicationTestBase.SECRET,
                "leadledger.security.issuer=" + KitApplicationTestBase.ISSUER,
                "leadledger.security.audience=" + KitApplicationTestBase.AUDIENCE,
                "leadledger.rate-limit.per-second=2", "leadledger.rate-limit.burst=10",
                "leadledger.rate-limit.read-per-second=2", "leadledger.rate-limit.read-burst=20",
                "leadledger.rate-limit.anonymous-per-second=1", "leadledger.rate-limit.anonymous-burst=6",
                "server.forward-headers-strategy=native",
                "leadledger.health.kafka.enabled=false"})
public abstract class KitApplicationTestBase {

    /** Not the documented dev secret, so the application may listen on any interface. */
    public static final String SECRET = "kit-tests-own-hs256-secret-of-more-than-32-bytes";
    public static final String ISSUER = "leadledger-kit-tests";
    public static final String AUDIENCE = "leadledger";

    protected static final JsonMapper JSON = JsonMapper.builder().build();
    private static final AtomicInteger ADDRESSES = new AtomicInteger();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @LocalServerPort
    private int port;

    @Autowired
    protected JdbcClient jdbc;

    @Autowired
    protected ManualClock idempotencyClock;

    @Autowired
    protected ManualTimeMeter rateLimitTime;

    @Autowired
    protected Holds holds;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        PostgresServer postgres = TestInfrastructure.postgres();
        String url = postgres.jdbcUrl(postgres.freshDatabase("kit_edge"));
        registry.add("spring.datasource.url", () -> url);
        registry.add("spring.datasource.username", postgres::username);
        registry.add("spring.datasource.password", postgres::password);
    }

    /** An answer as the client sees it. */
    public record Answer(int status, Map<String, List<String>> headers, String raw) {

        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }

        public String contentType() {
            return header("Content-Type");
        }

        public JsonNode json() {
            return JSON.readTree(raw);
        }
    }

    /** A request under construction: method, path, body and headers. */
    public final class Call {

        private final String method;
        private final String path;
        private final Map<String, String> headers = new LinkedHashMap<>();
        private String body;

        private Call(String method, String path) {
            this.method = method;
            this.path = path;
        }

        public Call token(String token) {
            return header("Authorization", "Bearer " + token);
        }

        public Call from(String clientAddress) {
            return header("X-Forwarded-For", clientAddress);
        }

        public Call idempotencyKey(String key) {
            return header("Idempotency-Key", key);
        }

        public Call json(String json) {
            this.body = json;
            return header("Content-Type", "application/json");
        }

        public Call header(String name, String value) {
            headers.put(name, value);
            return this;
        }

        public Answer send() {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .timeout(Duration.ofSeconds(90))
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(body));
            headers.forEach(request::header);
            try {
                HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
                return new Answer(response.statusCode(), response.headers().map(), response.body());
            } catch (IOException e) {
                throw new IllegalStateException(method + " " + path + " failed: " + e, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    protected Call post(String path) {
        return new Call("POST", path);
    }

    protected Call get(String path) {
        return new Call("GET", path);
    }

    protected Call call(String method, String path) {
        return new Call(method, path);
    }

    /** A problem+json answer with exactly the given status and members. */
    protected static void assertProblem(Answer answer, int status, String expectedJson) {
        assertThat(answer.status()).as(answer.raw()).isEqualTo(status);
        assertThat(MediaType.parseMediaType(answer.contentType()).equalsTypeAndSubtype(MediaType.APPLICATION_PROBLEM_JSON))
                .as("content type " + answer.contentType()).isTrue();
        assertThat(answer.json()).isEqualTo(JSON.readTree(expectedJson));
    }

    /** An HS256 token of the kit tests' issuer for the application's audience, valid for an hour. */
    protected static String token(String subject, List<String> roles, String partnerId) {
        return DevTokens.sign(SECRET, DevTokens.claims(subject, roles, partnerId, Duration.ofHours(1))
                .issuer(ISSUER).build());
    }

    /** A name no other test uses (callers, keys, client addresses stay apart). */
    protected static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A client address no other test uses (198.18.0.0/15, a range for tests). */
    protected static String uniqueAddress() {
        int n = ADDRESSES.incrementAndGet();
        return "198.18." + (n / 250) + "." + (n % 250 + 1);
    }
}
