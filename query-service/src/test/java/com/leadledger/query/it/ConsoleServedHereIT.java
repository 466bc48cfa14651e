package com.leadledger.query.it;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The query service serves the console at {@code /console/} beside its API, and the two stay apart: the console's
 * pages have their session cookie (for {@code /console} only), CSRF and Content-Security-Policy; the API stays
 * stateless (no cookie, a console session authenticates nothing there) and its OpenAPI document names no page. A page
 * reads this very service's API with the signed-in user's token.
 */
class ConsoleServedHereIT extends QueryServiceITBase {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern SESSION = Pattern.compile("CONSOLE_SESSION=([^;]+)");

    private final HttpClient browser = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void theConsoleIsServedWithItsOwnSessionCookieAndHeaders() throws Exception {
        HttpResponse<String> signIn = page("GET", "/console/sign-in", null, null);

        assertThat(signIn.statusCode()).isEqualTo(200);
        assertThat(signIn.body()).contains("id=\"sign-in-PARTNER_A\"");
        assertThat(signIn.headers().firstValue("Content-Security-Policy").orElseThrow())
                .contains("default-src 'none'", "frame-ancestors 'none'");
        assertThat(signIn.headers().firstValue("Set-Cookie").orElseThrow()).startsWith("CONSOLE_SESSION=")
                .contains("Path=/console", "HttpOnly").containsIgnoringCase("SameSite=Lax");
        assertThat(page("GET", "/console/review", null, null).headers().firstValue("Location").orElseThrow())
                .endsWith("/console/sign-in");
    }

    @Test
    void theApiStaysStatelessAndAsStrictAsBefore() throws Exception {
        String session = signedIn("MANAGER");

        for (String token : new String[] {null, token("CHANNEL_MANAGER")}) {
            var answer = http.get("/api/v1/review-queue", token);
            assertThat(answer.status()).isEqualTo(token == null ? 401 : 200);
            assertThat(answer.headers().firstValue("Set-Cookie")).as("no session for the API").isEmpty();
            assertThat(answer.headers().firstValue("Content-Security-Policy")).as("the API's headers").isEmpty();
        }
        HttpResponse<String> withTheConsoleSession = send(HttpRequest.newBuilder(uri("/api/v1/review-queue"))
                .header("Accept", "application/json").header("Cookie", "CONSOLE_SESSION=" + session).GET());
        assertThat(withTheConsoleSession.statusCode()).as("a console session is no API credential").isEqualTo(401);
        assertThat(withTheConsoleSession.body()).contains("UNAUTHENTICATED");
    }

    @Test
    void aSignedInPartnerReadsItsRegistrationsThroughThisServicesApi() throws Exception {
        String session = signedIn("PARTNER_A");

        HttpResponse<String> registrations = page("GET", "/console/registrations", session, null);

        assertThat(registrations.statusCode()).isEqualTo(200);
        assertThat(registrations.body()).contains("partner-a-user");
    }

    @Test
    void anUnknownConsolePageIsTheConsolesNotFoundPage() throws Exception {
        String session = signedIn("PARTNER_A");

        HttpResponse<String> missing = page("GET", "/console/no-such-page", session, null);

        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
        assertThat(missing.headers().firstValue("Content-Security-Policy")).isPresent();
        assertThat(missing.body()).contains("id=\"error-status\"", "partner-a-user");
    }

    @Test
    void theApiDocumentNamesNoConsolePage() {
        var document = http.get("/v3/api-docs", null);

        assertThat(document.status()).isEqualTo(200);
        List<String> paths = new ArrayList<>();
        document.body().get("paths").fieldNames().forEachRemaining(paths::add);
        assertThat(paths).isNotEmpty().noneMatch(path -> path.startsWith("/console"));
    }

    private String signedIn(String identity) throws Exception {
        HttpResponse<String> signIn = page("GET", "/console/sign-in", null, null);
        String session = cookie(signIn);
        Matcher csrf = CSRF.matcher(signIn.body());
        assertThat(csrf.find()).isTrue();
        HttpResponse<String> signedIn = page("POST", "/console/sign-in/demo", session,
                "identity=" + identity + "&_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8));
        assertThat(signedIn.statusCode()).isEqualTo(302);
        return cookie(signedIn);
    }

    private HttpResponse<String> page(String method, String path, String session, String form) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("Accept", "text/html");
        if (session != null) {
            request.header("Cookie", "CONSOLE_SESSION=" + session);
        }
        if (form != null) {
            request.header("Content-Type", "application/x-www-form-urlencoded");
        }
        return send(request.method(method, form == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(form)));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return browser.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static String cookie(HttpResponse<?> response) {
        Matcher m = SESSION.matcher(response.headers().firstValue("Set-Cookie").orElseThrow());
        assertThat(m.find()).isTrue();
        return m.group(1);
    }
}
