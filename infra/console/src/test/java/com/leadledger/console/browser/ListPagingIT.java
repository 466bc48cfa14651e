package com.leadledger.console.browser;

import com.leadledger.localruntime.DevTokens;
import com.leadledger.testsupport.Inns;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * List pages page, filter and sort as the API does: partner B's registrations (filtered by product line, a page size
 * of 10, forward and back, oldest first) and the manager's review queue (forward, filtered by level), each page's
 * rows being exactly the API's page for the same parameters; the controls are worked with the keyboard, every page
 * passes the accessibility check (as every page the browser loads), and a bad page number shows the API's problem
 * next to the form.
 */
class ListPagingIT {

    private static final ConsoleSystem system = ConsoleSystem.get();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String PARTNER_B = DevTokens.mint("partner-b-user", List.of("PARTNER"), "P-1002");
    private static final String MANAGER = DevTokens.mint("channel-manager", List.of("CHANNEL_MANAGER"), null);
    private static final String ADMIN = DevTokens.mint("admin", List.of("ADMIN"), null);
    private static final String REGISTRATION_ROWS = "#registrations tbody tr[data-registration-id]";
    private static final String QUEUE_ROWS = "#queue li.item[data-registration-id]";
    private static final int SEEDED = 12;

    @Test
    void registrationsAndTheReviewQueuePageFilterAndSortAsTheApiDoes() {
        List<String> seeded = new ArrayList<>();
        for (int i = 0; i < SEEDED; i++) {
            seeded.add(register("CLOUD_SERVICES"));
        }
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).until(() ->
                ids(api("/api/v1/registrations?productLine=CLOUD_SERVICES&size=200", PARTNER_B)).containsAll(seeded));
        try (Browser partner = new Browser(system, "list-paging-partner", "en");
             Browser manager = new Browser(system, "list-paging-manager", "en")) {
            partnersRegistrations(partner, seeded);
            reviewQueue(manager, seeded);
        } finally {
            seeded.forEach(ListPagingIT::reject);
        }
    }

    /** The policy versions, which the console pages itself (the API has no list of them), by the API's rules. */
    @Test
    void policyVersionsPageNewestFirstAndABadPageIsRefusedNextToTheList() {
        try (Browser admin = new Browser(system, "list-paging-admin", "en")) {
            admin.signInAs("ADMIN");
            long current = api("/api/v1/policies/current", ADMIN, system.command.baseUrl()).get("version").asLong();
            admin.open("/console/admin/policies?size=1");
            assertThat(admin.find(By.id("paging-position")).getText()).isEqualTo("Page 1 of " + current);
            assertThat(admin.findAll(By.cssSelector("#policy-versions tbody tr")).stream()
                    .map(row -> row.getAttribute("id")).toList()).containsExactly("version-" + current);
            admin.open("/console/admin/policies?size=1&page=" + (current - 1));
            assertThat(admin.findAll(By.cssSelector("#policy-versions tbody tr")).stream()
                    .map(row -> row.getAttribute("id")).toList()).containsExactly("version-1");
            assertThat(admin.has(By.id("paging-next"))).as("no page after version 1").isFalse();

            admin.open("/console/admin/policies?page=-1");
            assertThat(admin.find(By.cssSelector("#list-problem li[data-field='page']")).getText())
                    .contains("must be 0 or greater");
            admin.open("/console/admin/policies?size=201");
            assertThat(admin.find(By.cssSelector("#list-problem li[data-field='size']")).getText())
                    .contains("must be between 1 and 200");
        }
    }

    private static void partnersRegistrations(Browser partner, List<String> seeded) {
        partner.signInAs("PARTNER_B");
        partner.open("/console/registrations");

        // the product line filter (the policy's lines in its order, CLOUD_SERVICES first after "all"), then a page
        // size of 10, with the keyboard alone
        tabTo(partner, "filter-product-line");
        partner.press(Keys.ARROW_DOWN);
        assertThat(new Select(partner.focused()).getFirstSelectedOption().getAttribute("value"))
                .isEqualTo("CLOUD_SERVICES");
        tabTo(partner, "registrations-apply");
        partner.pressAndLoad(Keys.ENTER);
        assertThat(partner.url()).contains("productLine=CLOUD_SERVICES");
        tabTo(partner, "paging-size");
        partner.press(Keys.HOME);
        assertThat(new Select(partner.focused()).getFirstSelectedOption().getAttribute("value")).isEqualTo("10");
        tabTo(partner, "paging-size-apply");
        partner.pressAndLoad(Keys.ENTER);
        assertThat(partner.url()).contains("productLine=CLOUD_SERVICES").contains("size=10");

        String filter = "productLine=CLOUD_SERVICES&size=10";
        awaitRows(partner, REGISTRATION_ROWS, () -> ids(api("/api/v1/registrations?" + filter + "&page=0", PARTNER_B)));
        long total = api("/api/v1/registrations?" + filter, PARTNER_B).get("total").asLong();
        long pages = (total + 9) / 10;
        assertThat(pages).as("more than one page").isGreaterThan(1);
        assertThat(partner.find(By.id("paging-position")).getText()).isEqualTo("Page 1 of " + pages);
        assertThat(partner.find(By.id("paging-total")).getText()).isEqualTo("1–10 of " + total);
        assertThat(partner.has(By.id("paging-previous"))).as("no page before the first").isFalse();
        partner.screenshot("registrations-page-1");

        // forward with the keyboard, back with the mouse
        tabTo(partner, "paging-next");
        partner.pressAndLoad(Keys.ENTER);
        assertThat(partner.url()).contains("page=1").contains("productLine=CLOUD_SERVICES");
        assertThat(rows(partner, REGISTRATION_ROWS))
                .isEqualTo(ids(api("/api/v1/registrations?" + filter + "&page=1", PARTNER_B)));
        assertThat(partner.find(By.id("paging-position")).getText()).isEqualTo("Page 2 of " + pages);
        partner.checkAccessibility();
        partner.screenshot("registrations-page-2");
        partner.clickAndLoad(By.id("paging-previous"));
        assertThat(rows(partner, REGISTRATION_ROWS))
                .isEqualTo(ids(api("/api/v1/registrations?" + filter + "&page=0", PARTNER_B)));

        // every page, bookmarked: together they hold every registration seeded, each once
        Set<String> seen = new LinkedHashSet<>();
        List<String> all = new ArrayList<>();
        for (int page = 0; page < pages; page++) {
            partner.open("/console/registrations?" + filter + "&page=" + page);
            all.addAll(rows(partner, REGISTRATION_ROWS));
        }
        seen.addAll(all);
        assertThat(all).hasSize((int) total).doesNotHaveDuplicates();
        assertThat(seen).containsAll(seeded);

        // oldest first: the sort, kept with the filter and the page size
        partner.open("/console/registrations?" + filter);
        new Select(partner.find(By.id("sort"))).selectByValue("oldest");
        partner.clickAndLoad(By.id("registrations-apply"));
        assertThat(partner.url()).contains("sort=oldest").contains("size=10").contains("productLine=CLOUD_SERVICES");
        List<String> oldest = rows(partner, REGISTRATION_ROWS);
        assertThat(oldest).isEqualTo(ids(api("/api/v1/registrations?" + filter + "&sort=oldest&page=0", PARTNER_B)));
        assertThat(oldest.indexOf(seeded.get(0))).as("the first seeded before the second")
                .isLessThan(oldest.indexOf(seeded.get(1)));
        assertThat(partner.find(By.cssSelector("#registrations caption")).getText()).contains("oldest first");

        // the language switch keeps the filter, the sort and the page size
        partner.clickAndLoad(By.id("lang-ru"));
        assertThat(partner.url()).contains("sort=oldest").contains("size=10").contains("productLine=CLOUD_SERVICES")
                .contains("lang=ru");
        assertThat(rows(partner, REGISTRATION_ROWS)).isEqualTo(oldest);
        partner.clickAndLoad(By.id("lang-en"));

        // a page number the API refuses: its problem next to the form, not an error page
        partner.open("/console/registrations?page=-1&size=10");
        assertThat(partner.find(By.cssSelector("#list-problem li[data-field='page']")).getText())
                .contains("must be 0 or greater");
        assertThat(partner.has(By.id("registrations-filters"))).isTrue();
        partner.open("/console/registrations?page=abc");
        assertThat(partner.find(By.id("list-problem")).getText()).contains("page");
        partner.screenshot("registrations-bad-page");
    }

    private static void reviewQueue(Browser manager, List<String> seeded) {
        manager.signInAs("MANAGER");
        manager.open("/console/review?size=10");
        awaitRows(manager, QUEUE_ROWS, () -> ids(api("/api/v1/review-queue?page=0&size=10", MANAGER)));
        long total = api("/api/v1/review-queue?size=10", MANAGER).get("total").asLong();
        assertThat(total).as("more than one page").isGreaterThan(10);
        assertThat(manager.find(By.id("paging-position")).getText()).isEqualTo("Page 1 of " + (total + 9) / 10);
        manager.screenshot("review-page-1");

        tabTo(manager, "paging-next");
        manager.pressAndLoad(Keys.ENTER);
        assertThat(rows(manager, QUEUE_ROWS)).isEqualTo(ids(api("/api/v1/review-queue?page=1&size=10", MANAGER)));
        assertThat(manager.find(By.id("paging-position")).getText()).startsWith("Page 2 of ");
        manager.screenshot("review-page-2");

        // the level filter starts again at the first page, keeping the page size
        new Select(manager.find(By.id("filter-review-level"))).selectByValue("1");
        manager.clickAndLoad(By.id("review-apply"));
        assertThat(manager.url()).contains("level=1").contains("size=10").doesNotContain("page=");
        assertThat(rows(manager, QUEUE_ROWS))
                .isEqualTo(ids(api("/api/v1/review-queue?level=1&page=0&size=10", MANAGER)));

        Set<String> queued = new LinkedHashSet<>();
        long pages = (api("/api/v1/review-queue?size=10", MANAGER).get("total").asLong() + 9) / 10;
        for (int page = 0; page < pages; page++) {
            manager.open("/console/review?size=10&page=" + page);
            queued.addAll(rows(manager, QUEUE_ROWS));
        }
        assertThat(queued).as("the seeded registrations await review, over the pages").containsAll(seeded);

        manager.open("/console/review?size=500");
        assertThat(manager.find(By.cssSelector("#list-problem li[data-field='size']")).getText())
                .contains("between 1 and 200");
    }

    /** Presses Tab until the element with {@code id} has the focus (it must be reachable by keyboard). */
    private static void tabTo(Browser browser, String id) {
        for (int i = 0; i < 200; i++) {
            WebElement focused = browser.focused();
            if (id.equals(focused.getAttribute("id"))) {
                return;
            }
            browser.press(Keys.TAB);
        }
        throw new AssertionError("Tab never reaches #" + id);
    }

    /** The page shows the API's page (reloading while the query side catches up with other tests' writes). */
    private static void awaitRows(Browser browser, String rows, Supplier<List<String>> apiPage) {
        browser.reloadUntil(() -> rows(browser, rows).equals(apiPage.get()));
        assertThat(rows(browser, rows)).isNotEmpty();
    }

    private static List<String> rows(Browser browser, String selector) {
        return browser.findAll(By.cssSelector(selector)).stream()
                .map(row -> row.getAttribute("data-registration-id")).toList();
    }

    private static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.get("items").forEach(item -> ids.add(item.get("registrationId").asText()));
        return ids;
    }

    private static JsonNode api(String pathAndQuery, String token) {
        return api(pathAndQuery, token, system.query.baseUrl());
    }

    private static JsonNode api(String pathAndQuery, String token, String baseUrl) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(baseUrl + pathAndQuery))
                .header("Authorization", "Bearer " + token).header("Accept", "application/json").GET().build());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static String register(String productLine) {
        String inn = Inns.random();
        String body = """
                {"customer": {"legalName": "ООО «Страница %s»", "country": "RU", "taxId": "%s"},
                 "productLine": "%s", "estimatedValue": {"amount": "300000", "currency": "RUB"},
                 "expectedCloseDate": "%s"}""".formatted(inn, inn, productLine, LocalDate.now().plusDays(60));
        HttpResponse<String> response = send(HttpRequest.newBuilder(
                        URI.create(system.command.baseUrl() + "/api/v1/registrations"))
                .header("Authorization", "Bearer " + PARTNER_B).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return JSON.readTree(response.body()).get("registrationId").asText();
    }

    /** Takes a seeded registration out of the review queue, which the other tests share. */
    private static void reject(String registrationId) {
        send(HttpRequest.newBuilder(URI.create(system.command.baseUrl() + "/api/v1/registrations/" + registrationId
                        + "/reject"))
                .header("Authorization", "Bearer " + MANAGER).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"reasonCode\": \"OTHER\", \"note\": \"paging test\"}"))
                .build());
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
