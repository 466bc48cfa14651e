package com.leadledger.console.web;

import com.leadledger.consoletest.ConsoleTestApplication;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the browser is told about every page: a strict Content-Security-Policy and no inline script or style, a session
 * cookie that scripts cannot read, CSRF tokens required on every form, and a new session id at sign-in.
 */
@SpringBootTest(classes = ConsoleTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("local")
class SessionAndHeadersTest {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern SESSION = Pattern.compile("CONSOLE_SESSION=([^;]+)");

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void pagesCarryAStrictContentSecurityPolicyAndNoInlineCode() throws Exception {
        HttpResponse<String> page = get("/console/sign-in", null);

        assertThat(page.statusCode()).isEqualTo(200);
        String csp = page.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertThat(csp).contains("default-src 'none'", "script-src 'self'", "style-src 'self'",
                "frame-ancestors 'none'", "form-action 'self'").doesNotContain("unsafe-inline", "unsafe-eval");
        assertThat(page.body()).doesNotContainPattern("<script(?![^>]*\\ssrc=)[^>]*>")
                .doesNotContain(" style=", "<style", " onclick=", "javascript:");
    }

    @Test
    void theSessionCookieIsHttpOnlyAndSameSiteLax() throws Exception {
        HttpResponse<String> page = get("/console/sign-in", null);

        String cookie = page.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(cookie).startsWith("CONSOLE_SESSION=").contains("HttpOnly").containsIgnoringCase("SameSite=Lax");
    }

    @Test
    void aFormWithoutItsCsrfTokenIsRefused() throws Exception {
        HttpResponse<String> page = get("/console/sign-in", null);
        String session = sessionOf(page);

        HttpResponse<String> forged = post("/console/sign-in/demo", session, "identity=MANAGER");

        assertThat(forged.statusCode()).isEqualTo(403);
    }

    @Test
    void signingInGivesANewSessionAndOpensThePages() throws Exception {
        HttpResponse<String> page = get("/console/sign-in", null);
        String before = sessionOf(page);
        assertThat(get("/console/review", before).headers().firstValue("Location").orElseThrow())
                .endsWith("/console/sign-in");

        HttpResponse<String> signedIn = post("/console/sign-in/demo", before,
                "identity=MANAGER&_csrf=" + URLEncoder.encode(csrfOf(page), StandardCharsets.UTF_8));

        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(signedIn.headers().firstValue("Location").orElseThrow()).endsWith("/console/");
        String after = sessionOf(signedIn);
        assertThat(after).isNotEqualTo(before);
        assertThat(get("/console/", after).headers().firstValue("Location").orElseThrow()).endsWith("/console/review");
    }

    @Test
    void anUnknownLanguageIsRefusedAndRussianIsServed() throws Exception {
        assertThat(get("/console/sign-in?lang=de", null).statusCode()).isEqualTo(400);

        HttpRequest russian = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/console/sign-in"))
                .header("Accept-Language", "ru-RU,ru;q=0.9,en;q=0.5").GET().build();
        String body = http.send(russian, HttpResponse.BodyHandlers.ofString()).body();
        assertThat(body).contains("lang=\"ru\"", "Демо-пользователи").doesNotContain("??");
    }

    private HttpResponse<String> get(String path, String session) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET();
        if (session != null) {
            request.header("Cookie", "CONSOLE_SESSION=" + session);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String session, String form) throws IOException,
            InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Cookie", "CONSOLE_SESSION=" + session)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String sessionOf(HttpResponse<?> response) {
        Matcher m = SESSION.matcher(response.headers().firstValue("Set-Cookie").orElseThrow());
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    private static String csrfOf(HttpResponse<String> page) {
        Matcher m = CSRF.matcher(page.body());
        assertThat(m.find()).as("a CSRF token in the page's forms").isTrue();
        return m.group(1);
    }
}
