package com.leadledger.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.leadledger.testsupport.ApiAccess;
import com.leadledger.testsupport.HttpApi;
import com.leadledger.testsupport.Inns;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;

import static com.leadledger.e2e.LeadLedgerSystem.partnerToken;
import static com.leadledger.e2e.LeadLedgerSystem.staffToken;
import static com.leadledger.e2e.StorySteps.MANAGER;
import static com.leadledger.e2e.StorySteps.ok;
import static com.leadledger.e2e.StorySteps.onboardPartner;
import static com.leadledger.e2e.StorySteps.post;
import static com.leadledger.e2e.StorySteps.submitted;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every query endpoint × every role (and no token) on the running system, each cell a request that would succeed for
 * the right caller: valid parameters and bodies, real ids. Without a token: 401 {@code UNAUTHENTICATED}; a role that
 * may not call the endpoint: 403 {@code FORBIDDEN}; one that may: 200 — and for the partner, the ownership checks
 * behind the role check: its own registration and the disputes it is a party of (complainant or respondent) answer
 * 200, another partner's registration and a dispute it is no party of 404 {@code NOT_FOUND}, and its lists hold only
 * its own. The admin endpoints (dead letters, projection rebuilds) are called on real entries, a rebuild is really
 * started by the admin and awaited.
 */
class QueryAuthorizationMatrixIT {

    static final LeadLedgerSystem system = LeadLedgerSystem.get();
    static final String PARTNER = ApiAccess.PARTNER;
    static final List<String> ROLES = ApiAccess.ROLES;
    static final Set<String> VENDOR = ApiAccess.VENDOR;
    static final Set<String> EVERYONE = ApiAccess.EVERYONE;
    static final Set<String> AUDITOR = ApiAccess.AUDITOR;
    static final Set<String> ADMIN = ApiAccess.ADMIN;

    /** What a cell must answer: a status, the problem code for a refusal, and for a 200 what the body must hold. */
    record Expected(int status, String code, Predicate<JsonNode> body) {

        static Expected ok(Predicate<JsonNode> body) {
            return new Expected(200, null, body);
        }

        static Expected refused(int status, String code) {
            return new Expected(status, code, any -> true);
        }
    }

    /** The partner the PARTNER cells act as, and the other partner whose objects it must not see. */
    private String partner;
    private String other;

    String token(String role) {
        return role.equals(PARTNER) ? partnerToken(partner) : staffToken(role);
    }

    @Test
    void everyQueryEndpointAnswersEveryRoleAsTheMatrixSays() throws Exception {
        partner = onboardPartner("GOLD", "NETWORK_SECURITY");
        other = onboardPartner("SILVER", "NETWORK_SECURITY");
        String inn = Inns.random();
        HttpApi.Answer own = submitted(partner, inn, "NETWORK_SECURITY");
        String r = own.text("registrationId");
        String o = own.text("opportunityId");
        String foreign = submitted(other, inn, "NETWORK_SECURITY").text("registrationId");
        String foreignElsewhere = submitted(other, Inns.random(), "NETWORK_SECURITY").text("registrationId");
        ok("/api/v1/registrations/" + r + "/approve", MANAGER, "{\"discountPercent\": 10}"); // a notice for the partner
        String d = openDispute(partner, r, "Our ranking is wrong.");
        String asRespondent = openDispute(other, foreign, "We engaged the customer first.");
        ok("/api/v1/disputes/" + asRespondent + "/respondent", MANAGER,
                "{\"partnerId\": \"" + partner + "\", \"registrationId\": \"" + r + "\"}");
        String notAParty = openDispute(other, foreignElsewhere, "Another matter.");
        ok("/api/v1/registrations/" + foreignElsewhere + "/outcome", partnerToken(other),
                "{\"result\": \"WON\", \"finalValue\": {\"amount\": \"100000\", \"currency\": \"RUB\"}}");
        String flag = "DF-" + foreignElsewhere;
        system.awaitQuery("/api/v1/dumping-flags/" + flag, MANAGER, view -> true);
        system.awaitQuery("/api/v1/disputes/" + asRespondent, partnerToken(partner),
                view -> "RESPONDENT".equals(view.path("role").asText()));
        system.awaitQuery("/api/v1/disputes/" + notAParty, MANAGER, view -> true);
        system.awaitQuery("/api/v1/notices", partnerToken(partner), page -> page.get("total").asInt() == 1);
        system.awaitQuery("/api/v1/opportunities/" + o, MANAGER, view -> view.get("ranking").size() == 2);
        system.awaitQuery("/api/v1/registrations/" + foreignElsewhere, MANAGER, view -> true);
        system.awaitQuery("/api/v1/partners/" + other, MANAGER, view -> true);
        String job = system.queryApi.get("/api/v1/audit/verify?scope=stream:" + o + "&async=true",
                staffToken("AUDITOR")).body().get("id").asText();
        long deadLetter = parkARecordThatIsNoEvent();

        Map<String, Map<String, Expected>> matrix = new LinkedHashMap<>();
        Predicate<JsonNode> onlyOwnRegistration = page -> page.get("items").findValuesAsText("partnerId").stream()
                .allMatch(partner::equals) && page.get("total").asInt() == 1;
        cells(matrix, "/api/v1/registrations?size=200", ApiAccess.REGISTRATIONS, onlyOwnRegistration, staffSees(r, foreign));
        cells(matrix, "/api/v1/registrations/" + r, ApiAccess.REGISTRATIONS, field("registrationId", r), field("registrationId", r));
        cells(matrix, "/api/v1/registrations/" + foreign, VENDOR, null, field("registrationId", foreign));
        cells(matrix, "/api/v1/notices", ApiAccess.NOTICES,
                page -> page.get("items").findValuesAsText("registrationId").equals(List.of(r)), null);
        cells(matrix, "/api/v1/review-queue?level=1&size=200", ApiAccess.REVIEW_QUEUE, null, page -> page.get("total").asInt() >= 1
                && page.get("items").findValuesAsText("level").stream().allMatch("1"::equals));
        cells(matrix, "/api/v1/opportunities/" + o, VENDOR, null,
                view -> view.get("ranking").findValuesAsText("registrationId").equals(List.of(r, foreign)));
        Predicate<JsonNode> partiesOnly = page -> page.get("items").findValuesAsText("disputeId")
                .equals(List.of(asRespondent, d)) || page.get("items").findValuesAsText("disputeId")
                .equals(List.of(d, asRespondent));
        cells(matrix, "/api/v1/disputes?size=200&status=OPEN", EVERYONE, partiesOnly, staffSeesDisputes(d, notAParty));
        cells(matrix, "/api/v1/disputes/" + d, EVERYONE, field("role", "COMPLAINANT"), field("disputeId", d));
        cells(matrix, "/api/v1/disputes/" + asRespondent, EVERYONE, field("role", "RESPONDENT"),
                field("disputeId", asRespondent));
        cells(matrix, "/api/v1/disputes/" + notAParty, VENDOR, null, field("disputeId", notAParty));
        cells(matrix, "/api/v1/dumping-flags?size=200", ApiAccess.DUMPING_FLAGS, null,
                page -> page.get("items").findValuesAsText("flagId").contains(flag));
        cells(matrix, "/api/v1/dumping-flags/" + flag, ApiAccess.DUMPING_FLAGS, null, field("flagId", flag));
        cells(matrix, "/api/v1/partners?size=200", ApiAccess.PARTNERS, null,
                page -> page.get("items").findValuesAsText("partnerId").containsAll(List.of(partner, other)));
        cells(matrix, "/api/v1/partners/" + partner, ApiAccess.PARTNER_RECORD, field("partnerId", partner),
                field("partnerId", partner));
        cells(matrix, "/api/v1/partners/" + other, VENDOR, null, field("partnerId", other));
        cells(matrix, "/api/v1/partners/" + partner + "/scorecard", ApiAccess.PARTNER_RECORD,
                field("partnerId", partner), field("partnerId", partner));
        cells(matrix, "/api/v1/partners/" + other + "/scorecard", VENDOR, null, field("partnerId", other));
        cells(matrix, "/api/v1/partners/" + partner + "/rebates", ApiAccess.PARTNER_RECORD, noStatements(),
                noStatements());
        cells(matrix, "/api/v1/partners/" + other + "/rebates", VENDOR, null, noStatements());
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        String quarterAsOfNow = "?period=" + today.getYear() + "-Q" + ((today.getMonthValue() - 1) / 3 + 1) + "&asOf="
                + Instant.now();
        cells(matrix, "/api/v1/partners/" + partner + "/rebates" + quarterAsOfNow, ApiAccess.PARTNER_RECORD,
                noStatements(), noStatements());
        cells(matrix, "/api/v1/partners/" + other + "/rebates" + quarterAsOfNow, VENDOR, null, noStatements());
        cells(matrix, "/api/v1/audit/events?aggregateId=" + o, AUDITOR, null,
                page -> page.get("items").get(0).get("eventType").asText().equals("OpportunityOpened"));
        cells(matrix, "/api/v1/audit/verify?scope=stream:" + o, AUDITOR, null, field("intact", "true"));
        cells(matrix, "/api/v1/audit/verify/jobs/" + job, AUDITOR, null, field("id", job));
        cells(matrix, "/api/v1/audit/opportunities/" + o + "?asOf=" + Instant.now(), AUDITOR, null,
                view -> view.toString().contains(r));
        cells(matrix, "/api/v1/audit/opportunities/" + o + "/decisions", AUDITOR, null,
                decisions -> decisions.toString().contains(r));
        cells(matrix, "/api/v1/audit/opportunities/" + o + "/evidence-pack", ApiAccess.EVIDENCE_PACK, null,
                zip -> zip.asText().startsWith("PK"));
        cells(matrix, "/api/v1/audit/registrations/" + r, AUDITOR, null, field("registrationId", r));
        cells(matrix, "/api/v1/audit/disputes/" + d, AUDITOR, null, field("disputeId", d));
        cells(matrix, "/api/v1/audit/partners/" + partner + "/timeline?size=200", AUDITOR, null,
                page -> page.get("items").findValuesAsText("eventType")
                        .containsAll(List.of("PartnerOnboarded", "RegistrationSubmitted", "DisputeOpened")));
        cells(matrix, "/api/v1/audit/search?q=" + r, AUDITOR, null,
                page -> page.get("items").findValuesAsText("registrationId").contains(r));
        cells(matrix, "/api/v1/audit/reconciliation", AUDITOR, null,
                report -> !report.get("divergent").asBoolean() && report.has("checkpoints"));
        for (String report : List.of("conflicts", "decisions", "disputes", "support", "partners")) {
            cells(matrix, "/api/v1/reports/" + report + "?from=" + Instant.now().minus(Duration.ofHours(1)),
                    ApiAccess.REPORTS, null, field("report", report));
        }
        cells(matrix, "/api/v1/reports/partners?asOf=" + Instant.now(), ApiAccess.REPORTS, null,
                answer -> answer.get("rows").findValuesAsText("partnerId").containsAll(List.of(partner, other)));
        cells(matrix, "/api/v1/admin/dead-letters?status=PARKED", ApiAccess.OPERATIONS, null,
                page -> page.get("items").findValuesAsText("id").contains(String.valueOf(deadLetter)));
        cells(matrix, "/api/v1/admin/dead-letters/" + deadLetter, ApiAccess.OPERATIONS, null, field("id", String.valueOf(deadLetter)));

        List<String> wrong = new ArrayList<>();
        for (var endpoint : matrix.entrySet()) {
            check(wrong, "anonymous GET " + endpoint.getKey(), system.queryApi.get(endpoint.getKey(), null),
                    Expected.refused(401, "UNAUTHENTICATED"));
            for (String role : ROLES) {
                check(wrong, role + " GET " + endpoint.getKey(), system.queryApi.get(endpoint.getKey(), token(role)),
                        endpoint.getValue().get(role));
            }
        }

        // the operator actions on the real dead letter: everyone but the admin is refused before anything happens
        String entry = "/api/v1/admin/dead-letters/" + deadLetter;
        String discard = "{\"reason\": \"not an event of the event store: a record the matrix parked\"}";
        for (String role : ROLES) {
            if (!role.equals("ADMIN")) {
                check(wrong, role + " retry", system.queryApi.post(entry + "/retry", token(role), ""),
                        Expected.refused(403, "FORBIDDEN"));
                check(wrong, role + " discard", system.queryApi.post(entry + "/discard", token(role), discard),
                        Expected.refused(403, "FORBIDDEN"));
            }
        }
        check(wrong, "anonymous retry", system.queryApi.post(entry + "/retry", null, ""),
                Expected.refused(401, "UNAUTHENTICATED"));
        check(wrong, "anonymous discard", system.queryApi.post(entry + "/discard", null, discard),
                Expected.refused(401, "UNAUTHENTICATED"));
        // the admin reaches the dead-letter logic: a record that is no event cannot be applied, but may be discarded
        check(wrong, "ADMIN retry", system.queryApi.post(entry + "/retry", token("ADMIN"), ""),
                Expected.refused(409, "DEAD_LETTER_RETRY_FAILED"));
        check(wrong, "ADMIN discard", system.queryApi.post(entry + "/discard", token("ADMIN"), discard),
                Expected.ok(body -> "RESOLVED".equals(body.path("status").asText())));

        // projection rebuilds: only the admin starts one (202 with its progress link) and reads its progress
        String rebuild = "/api/v1/admin/projections/rebuild";
        for (String role : ROLES) {
            if (!role.equals("ADMIN")) {
                check(wrong, role + " POST " + rebuild, system.queryApi.post(rebuild, token(role), ""),
                        Expected.refused(403, "FORBIDDEN"));
            }
        }
        check(wrong, "anonymous POST " + rebuild, system.queryApi.post(rebuild, null, ""),
                Expected.refused(401, "UNAUTHENTICATED"));
        HttpApi.Answer started = system.queryApi.post(rebuild, token("ADMIN"), "");
        assertThat(started.status()).as(started.raw()).isEqualTo(202);
        String rebuildId = started.text("rebuildId");
        assertThat(started.headers().get("location")).containsExactly(rebuild + "/" + rebuildId);
        assertThat(started.text("state")).isEqualTo("REPLAYING");
        // wait for it to finish, so that it does not disturb the tests after this one
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).until(() ->
                "DONE".equals(system.queryApi.get(rebuild + "/" + rebuildId, token("ADMIN")).text("state")));
        for (String path : List.of(rebuild, rebuild + "/" + rebuildId)) {
            check(wrong, "anonymous GET " + path, system.queryApi.get(path, null),
                    Expected.refused(401, "UNAUTHENTICATED"));
            for (String role : ROLES) {
                check(wrong, role + " GET " + path, system.queryApi.get(path, token(role)), role.equals("ADMIN")
                        ? Expected.ok(field("rebuildId", rebuildId)) : Expected.refused(403, "FORBIDDEN"));
            }
        }

        check(wrong, "ADMIN GET an unlisted path", system.queryApi.get("/api/v1/anything-else", token("ADMIN")),
                Expected.refused(403, "FORBIDDEN"));
        assertThat(wrong).isEmpty();
    }

    /**
     * One endpoint's row: the roles that may call it get 200 with a body that satisfies the partner's or the staff's
     * condition; the partner, when not among them but past the role check, gets 404 (another partner's object, or a
     * dispute it is no party of); the others 403.
     */
    private static void cells(Map<String, Map<String, Expected>> matrix, String path, Set<String> allowed,
                              Predicate<JsonNode> forPartner, Predicate<JsonNode> forStaff) {
        Map<String, Expected> row = new LinkedHashMap<>();
        boolean partnerPastRoleCheck = path.startsWith("/api/v1/registrations/") || path.startsWith("/api/v1/disputes/")
                || path.startsWith("/api/v1/partners/");
        for (String role : ROLES) {
            row.put(role, switch (ApiAccess.status(role, allowed, partnerPastRoleCheck)) {
                case 200 -> Expected.ok(role.equals(PARTNER) ? forPartner : forStaff);
                case 404 -> Expected.refused(404, "NOT_FOUND");
                default -> Expected.refused(403, "FORBIDDEN");
            });
        }
        matrix.put(path, row);
    }

    private static void check(List<String> wrong, String cell, HttpApi.Answer answer, Expected expected) {
        boolean right = answer.status() == expected.status()
                && (expected.code() == null || expected.code().equals(answer.text("code")))
                && (expected.status() != 200 || expected.body().test(answer.body()));
        if (!right) {
            wrong.add(cell + " -> " + answer.status() + " " + abbreviated(answer.raw()) + " (expected "
                    + expected.status() + (expected.code() == null ? "" : " " + expected.code()) + ")");
        }
    }

    private static Predicate<JsonNode> field(String name, String value) {
        return body -> value.equals(body.path(name).asText());
    }

    /** A rebate statement page of a partner that has accrued nothing yet. */
    private static Predicate<JsonNode> noStatements() {
        return page -> page.get("items").isEmpty() && page.get("total").asInt() == 0;
    }

    private static Predicate<JsonNode> staffSees(String... registrationIds) {
        return page -> page.get("items").findValuesAsText("registrationId").containsAll(List.of(registrationIds));
    }

    private static Predicate<JsonNode> staffSeesDisputes(String... disputeIds) {
        return page -> page.get("items").findValuesAsText("disputeId").containsAll(List.of(disputeIds));
    }

    private static String openDispute(String partnerId, String registrationId, String description) {
        HttpApi.Answer opened = post("/api/v1/disputes", partnerToken(partnerId), """
                {"type": "DUPLICATE_CLAIM", "registrationId": "%s", "description": "%s"}"""
                .formatted(registrationId, description));
        assertThat(opened.status()).as(opened.raw()).isEqualTo(201);
        return opened.text("disputeId");
    }

    /**
     * A dead letter as the ingest parks a record it cannot read (no event identity, blocking nothing), written to the
     * store directly: putting a record that is no event on the shared topic would reach other tests' consumers.
     */
    private static long parkARecordThatIsNoEvent() throws Exception {
        try (Connection db = system.queryDb(); PreparedStatement insert = db.prepareStatement("""
                INSERT INTO dead_letter (status, reason, in_event_log, topic, kafka_partition, kafka_offset,
                                         record_value, error_class, error_message, parked_at, last_failed_at, attempts)
                VALUES ('PARKED', 'envelope', false, ?, 0, ?, ?, 'com.leadledger.query.projection.UndecodableRecordException',
                        'not an event envelope', now(), now(), 1)
                RETURNING id""")) {
            insert.setString(1, system.topic + ".matrix");
            insert.setLong(2, ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE));
            insert.setBytes(3, "not an event envelope".getBytes(StandardCharsets.UTF_8));
            try (ResultSet rs = insert.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static String abbreviated(String raw) {
        return raw == null || raw.length() <= 200 ? raw : raw.substring(0, 200) + "…";
    }
}
