package com.leadledger.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.leadledger.testsupport.HttpApi;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;

import static com.leadledger.e2e.LeadLedgerSystem.partnerToken;
import static com.leadledger.e2e.LeadLedgerSystem.staffToken;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The steps the HTTP stories share: partners of their own (onboarded by an admin, so that what each story's partners
 * see is exactly what the story did), submissions, reviews, and reading back what a partner or staff see.
 */
final class StorySteps {

    static final LeadLedgerSystem system = LeadLedgerSystem.get();
    static final String MANAGER = staffToken("CHANNEL_MANAGER");
    static final String ADMIN = staffToken("ADMIN");
    /** The subject of {@link #MANAGER}: the actor id its decisions record. */
    static final String MANAGER_SUBJECT = "channel_manager-1";
    /** The policy in force's calendar, read once from the API: its zone, holidays and extra working days. */
    private static JsonNode calendar;

    private StorySteps() {
    }

    /** A new partner in the channel program, onboarded by an admin; its id is unique to the calling story. */
    static String onboardPartner(String tier, String... productLines) {
        String partnerId = "P-S" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        HttpApi.Answer onboarded = system.commandApi.post("/api/v1/partners", ADMIN, """
                {"partnerId": "%s", "name": "Story partner %s", "tier": "%s", "productLines": [%s]}"""
                .formatted(partnerId, partnerId, tier, quoted(productLines)));
        assertThat(onboarded.status()).as(onboarded.raw()).isEqualTo(201);
        return partnerId;
    }

    /** A registration of the customer with this tax id, for a value above every product line's minimum. */
    static HttpApi.Answer submit(String partnerId, String inn, String productLine) {
        return system.commandApi.post("/api/v1/registrations", partnerToken(partnerId), """
                {"customer": {"legalName": "ООО «Сюжет» %s", "country": "RU", "taxId": "%s"},
                 "productLine": "%s", "estimatedValue": {"amount": "1250000.00", "currency": "RUB"},
                 "expectedCloseDate": "%s"}""".formatted(inn, inn, productLine, LocalDate.now().plusDays(90)));
    }

    /** {@link #submit}, which must be accepted. */
    static HttpApi.Answer submitted(String partnerId, String inn, String productLine) {
        HttpApi.Answer answer = submit(partnerId, inn, productLine);
        assertThat(answer.status()).as(answer.raw()).isEqualTo(201);
        return answer;
    }

    static HttpApi.Answer post(String path, String token, String json) {
        return system.commandApi.post(path, token, json);
    }

    /** A command that must answer 200; its answer. */
    static HttpApi.Answer ok(String path, String token, String json) {
        HttpApi.Answer answer = post(path, token, json);
        assertThat(answer.status()).as(path + ": " + answer.raw()).isEqualTo(200);
        return answer;
    }

    /** A refusal: exactly this status and problem code, as {@code application/problem+json}. */
    static HttpApi.Answer refused(HttpApi.Answer answer, int status, String code) {
        assertThat(answer.status()).as(answer.raw()).isEqualTo(status);
        assertThat(answer.contentType()).as(answer.raw()).startsWith("application/problem+json");
        assertThat(answer.text("code")).as(answer.raw()).isEqualTo(code);
        return answer;
    }

    /** A 400 naming exactly one failing field and the rule it broke. */
    static void refusedField(HttpApi.Answer answer, String field, String rule) {
        refused(answer, 400, "VALIDATION_FAILED");
        assertThat(answer.body().get("errors")).as(answer.raw()).hasSize(1);
        assertThat(answer.body().at("/errors/0/field").asText()).isEqualTo(field);
        if (rule != null) {
            assertThat(answer.body().at("/errors/0/rule").asText()).isEqualTo(rule);
        }
    }

    /** The registration as {@code token}'s caller reads it, once it satisfies the condition. */
    static JsonNode registration(String registrationId, String token, Predicate<JsonNode> condition) {
        return system.awaitQuery("/api/v1/registrations/" + registrationId, token, condition);
    }

    static Predicate<JsonNode> status(String status) {
        return view -> status.equals(view.path("status").asText());
    }

    /** The kinds of a partner's notices, newest first (all of them: story partners have only a few). */
    static List<String> noticeKinds(String partnerId) {
        return system.queryApi.get("/api/v1/notices?size=200", partnerToken(partnerId)).body().get("items")
                .findValuesAsText("kind");
    }

    /** The partner's notices once it has exactly {@code count}, newest first. */
    static JsonNode awaitNotices(String partnerId, int count) {
        return system.awaitQuery("/api/v1/notices?size=200", partnerToken(partnerId),
                page -> page.get("total").asInt() == count).get("items");
    }

    /** The notices a registration's view carries, newest first: their kinds. */
    static List<String> kindsOf(JsonNode notices) {
        List<String> kinds = new ArrayList<>();
        notices.forEach(notice -> kinds.add(notice.get("kind").asText()));
        return kinds;
    }

    /**
     * What another partner may learn of a registration that is not its own: nothing. Reading it is the same 404 as
     * reading one that does not exist, and its listing does not show it.
     */
    static void invisibleTo(String otherPartnerId, String registrationId) {
        HttpApi.Answer foreign = system.queryApi.get("/api/v1/registrations/" + registrationId,
                partnerToken(otherPartnerId));
        HttpApi.Answer missing = system.queryApi.get("/api/v1/registrations/" + UUID.randomUUID(),
                partnerToken(otherPartnerId));
        refused(foreign, 404, "NOT_FOUND");
        assertThat(foreign.body().get("detail")).isEqualTo(missing.body().get("detail"));
        HttpApi.Answer listing = system.queryApi.get("/api/v1/registrations?size=200", partnerToken(otherPartnerId));
        assertThat(listing.status()).isEqualTo(200);
        assertThat(listing.raw()).doesNotContain(registrationId);
    }

    /**
     * The registration's entry in the staff review queue once it satisfies the condition, looked up page by page (the
     * queue is oldest first and other tests leave many pending registrations in it).
     */
    static JsonNode reviewQueueEntry(String registrationId, Predicate<JsonNode> condition) {
        AtomicReference<JsonNode> found = new AtomicReference<>();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> {
            found.set(null);
            for (int page = 0; ; page++) {
                JsonNode answer = system.queryApi.get("/api/v1/review-queue?size=200&page=" + page, MANAGER).body();
                for (JsonNode item : answer.get("items")) {
                    if (registrationId.equals(item.get("registrationId").asText())) {
                        found.set(item);
                        return condition.test(item);
                    }
                }
                if ((page + 1) * 200L >= answer.get("total").asLong()) {
                    return false;
                }
            }
        });
        return found.get();
    }

    static Instant instant(JsonNode node) {
        return Instant.parse(node.asText());
    }

    /**
     * {@code from} plus the business days of the policy in force's calendar (Monday to Friday in its zone, minus its
     * holidays, plus its extra working days), at the same local time of day.
     */
    static Instant businessDaysAfter(Instant from, int businessDays) {
        JsonNode calendar = calendar();
        Set<LocalDate> holidays = dates(calendar.path("holidays"));
        Set<LocalDate> extraWorkingDays = dates(calendar.path("extraWorkingDays"));
        ZonedDateTime at = from.atZone(ZoneId.of(calendar.path("timeZone").asText()));
        int remaining = businessDays;
        while (remaining > 0) {
            at = at.plusDays(1);
            LocalDate day = at.toLocalDate();
            boolean weekend = day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
            if (extraWorkingDays.contains(day) || !weekend && !holidays.contains(day)) {
                remaining--;
            }
        }
        return at.toInstant();
    }

    private static synchronized JsonNode calendar() {
        if (calendar == null) {
            HttpApi.Answer current = system.commandApi.get("/api/v1/policies/current", ADMIN);
            assertThat(current.status()).as(current.raw()).isEqualTo(200);
            calendar = current.body().path("policy").path("calendar");
        }
        return calendar;
    }

    private static Set<LocalDate> dates(JsonNode days) {
        Set<LocalDate> dates = new HashSet<>();
        days.forEach(day -> dates.add(LocalDate.parse(day.asText())));
        return dates;
    }

    private static String quoted(String... values) {
        List<String> quoted = new ArrayList<>();
        for (String value : values) {
            quoted.add("\"" + value + "\"");
        }
        return String.join(", ", quoted);
    }
}
