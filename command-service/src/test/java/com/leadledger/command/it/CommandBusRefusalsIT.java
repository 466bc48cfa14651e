package com.leadledger.command.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.leadledger.command.dispute.AddEvidence;
import com.leadledger.command.dispute.AppealRuling;
import com.leadledger.command.dispute.AssignDispute;
import com.leadledger.command.dispute.DisputeLevel;
import com.leadledger.command.dispute.EscalateDispute;
import com.leadledger.command.dispute.LinkRespondent;
import com.leadledger.command.dispute.OpenDispute;
import com.leadledger.command.dispute.RuleOnDispute;
import com.leadledger.command.partner.ChangePartnerProductLines;
import com.leadledger.command.partner.OnboardPartner;
import com.leadledger.command.policy.Policies;
import com.leadledger.command.policy.PublishPolicy;
import com.leadledger.command.registration.ReportOutcome;
import com.leadledger.command.registration.RequestExtension;
import com.leadledger.command.registration.SubmitRegistration;
import com.leadledger.command.registration.WithdrawRegistration;
import com.leadledger.command.review.ApproveRegistration;
import com.leadledger.command.review.DecideExtension;
import com.leadledger.command.review.RejectRegistration;
import com.leadledger.command.support.ChangeSupport;
import com.leadledger.command.support.RecordSupportEvidence;
import com.leadledger.events.common.Money;
import com.leadledger.events.dispute.DisputeAmounts;
import com.leadledger.events.dispute.DisputeOutcome;
import com.leadledger.events.dispute.DisputeType;
import com.leadledger.events.dispute.EvidenceDocument;
import com.leadledger.events.opportunity.SupportReason;
import com.leadledger.events.partner.PartnerTier;
import com.leadledger.events.policy.PolicyDocument;
import com.leadledger.events.registration.RejectionReason;
import com.leadledger.kit.domain.FieldProblem;
import com.leadledger.kit.domain.Role;
import com.leadledger.kit.domain.RuleViolation;
import com.leadledger.kit.problem.ProblemAdvice;
import com.leadledger.localruntime.DevTokens;
import com.leadledger.testsupport.HttpApi;
import com.leadledger.testsupport.Inns;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Every business rule holds for every sender of commands, not only for HTTP clients: each refused command is sent
 * straight through the {@link CommandGateway} (no HTTP, no controller) and refused with the same coded violation —
 * kind, code, failing fields with their rules, extra members — that the HTTP API answers for the same request, which is
 * sent too and compared member by member. Covers the submission rules (policy minimums, product lines, currencies,
 * close dates, identifiers, eligibility, suspension and the withdraw-and-resubmit limit), the review rules (tier caps,
 * first to register, notes), the outcome, extension and support rules (with the customer preference documents a move
 * cites), what a suspended partner may no longer do, policy and partner validation, and every rule of the dispute
 * ladder (with the evidence limit and one escalation per party and level).
 */
// Own context: it moves the service's clock days forward, which would bring other tests' deadlines due.
@DirtiesContext // close this context (Kafka clients, processors) while the shared servers are still up
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "leadledger.rate-limit.per-second=0")
@Import(CommandBusRefusalsIT.MovableClockConfig.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CommandBusRefusalsIT {

    static final String ADMIN = DevTokens.mint("admin-1", List.of("ADMIN"), null);
    static final String MANAGER = DevTokens.mint("manager-1", List.of("CHANNEL_MANAGER"), null);
    static final String DIRECTOR = DevTokens.mint("director-1", List.of("CHANNEL_DIRECTOR"), null);
    static final String COMMITTEE = DevTokens.mint("committee-1", List.of("ARBITRATION_COMMITTEE"), null);
    static final String SHA = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        RealInfrastructure.register(registry, "bus_refusals_it");
    }

    /** Business time the appeal-window case can move forward; real time otherwise. */
    static final class MovableClock extends Clock {
        private volatile Duration offset = Duration.ZERO;

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return Clock.offset(Clock.system(zone), offset);
        }

        @Override
        public Instant instant() {
            return Instant.now().plus(offset).truncatedTo(ChronoUnit.MICROS);
        }
    }

    @TestConfiguration
    static class MovableClockConfig {
        @Bean
        @Primary
        MovableClock movableClock() {
            return new MovableClock();
        }
    }

    @LocalServerPort
    int port;
    @Autowired
    CommandGateway gateway;
    @Autowired
    MovableClock clock;
    @Autowired
    Policies policies;
    HttpApi http;

    @BeforeEach
    void setUp() {
        http = new HttpApi("http://localhost:" + port);
    }

    // ------------------------------------------------------------------ the comparison

    /**
     * Sends {@code command} through the bus and the equivalent request over HTTP; both must be refused alike, with
     * {@code code} and exactly the {@code field:RULE} pairs given (none for a refusal that names no field).
     */
    void refusedAlike(Object command, String path, String token, String body, String code, String... fieldRules) {
        RuleViolation viaBus = catchThrowableOfType(() -> gateway.sendAndWait(command), RuleViolation.class);
        assertThat(viaBus).as("the bus refuses %s", command).isNotNull();
        assertThat(viaBus.code()).as("code via the bus").isEqualTo(code);
        assertThat(rulesOf(viaBus.errors())).as("field rules via the bus").containsExactly(fieldRules);

        HttpApi.Answer viaHttp = http.post(path, token, body);
        assertThat(viaHttp.status()).as(viaHttp.raw()).isEqualTo(ProblemAdvice.statusOf(viaBus.kind()).value());
        assertThat(viaHttp.contentType()).startsWith("application/problem+json");
        assertThat(viaHttp.text("code")).as(viaHttp.raw()).isEqualTo(code);
        assertThat(viaHttp.text("detail")).isEqualTo(viaBus.getMessage());
        List<String> httpRules = new ArrayList<>();
        viaHttp.body().get("errors").forEach(e -> httpRules.add(e.get("field").asText() + ":" + e.get("rule").asText()));
        assertThat(httpRules).as("field rules over HTTP").containsExactly(fieldRules);
        viaBus.details().forEach((name, value) ->
                assertThat(viaHttp.text(name)).as("member " + name).isEqualTo(String.valueOf(value)));
    }

    static String[] rulesOf(List<FieldProblem> errors) {
        return errors.stream().map(e -> e.field() + ":" + e.rule()).toArray(String[]::new);
    }

    // ------------------------------------------------------------------ set-up over HTTP

    String onboard(PartnerTier tier, String... lines) {
        return Onboarding.onboard(http, tier.name(), List.of(lines));
    }

    static String token(String partnerId) {
        return Onboarding.tokenOf(partnerId);
    }

    static LocalDate inTwoMonths() {
        return LocalDate.now().plusMonths(2);
    }

    JsonNode submit(String partnerId, String inn) {
        var answer = http.post("/api/v1/registrations", token(partnerId), submissionBody("RU", inn, null,
                "NETWORK_SECURITY", "1250000.00", "RUB", inTwoMonths()));
        assertThat(answer.status()).as(answer.raw()).isEqualTo(201);
        return answer.body();
    }

    static String submissionBody(String country, String taxId, String domain, String line, String amount,
                                 String currency, LocalDate close) {
        return """
                {"customer": {"legalName": "ООО Тест", "country": "%s"%s%s}, "productLine": "%s",
                 "estimatedValue": {"amount": "%s", "currency": "%s"}, "expectedCloseDate": "%s"}"""
                .formatted(country, taxId == null ? "" : ", \"taxId\": \"" + taxId + "\"",
                        domain == null ? "" : ", \"domain\": \"" + domain + "\"", line, amount, currency, close);
    }

    static SubmitRegistration submission(String partnerId, String country, String taxId, String domain, String line,
                                         String amount, String currency, LocalDate close) {
        return new SubmitRegistration(UUID.randomUUID().toString(), partnerId,
                new SubmitRegistration.CustomerDetails("ООО Тест", country, taxId, domain, null), line,
                Money.of(amount, currency), close, null);
    }

    void approve(String registrationId) {
        var answer = http.post("/api/v1/registrations/" + registrationId + "/approve", MANAGER,
                "{\"discountPercent\": 5}");
        assertThat(answer.status()).as(answer.raw()).isEqualTo(200);
    }

    void suspend(String partnerId) {
        var answer = http.post("/api/v1/partners/" + partnerId + "/suspend", ADMIN, "{}");
        assertThat(answer.status()).as(answer.raw()).isEqualTo(200);
    }

    PolicyDocument.AbuseLimits limits() {
        return policies.inForce().policy().limits();
    }

    // ------------------------------------------------------------------ registration

    @Nested
    class Submission {

        String partner;

        @BeforeEach
        void partner() {
            partner = onboard(PartnerTier.GOLD, "NETWORK_SECURITY", "DATA_CENTER");
        }

        void refusedAlike(SubmitRegistration command, String body, String code, String... fieldRules) {
            CommandBusRefusalsIT.this.refusedAlike(command, "/api/v1/registrations", token(partner), body, code,
                    fieldRules);
        }

        @Test
        void invalidFieldsAreNamedTogether() {
            LocalDate today = LocalDate.now(ZoneId.of("Europe/Moscow"));
            refusedAlike(submission(partner, "RU", "7707083894", null, "TOASTERS", "1", "RUB", today),
                    submissionBody("RU", "7707083894", null, "TOASTERS", "1", "RUB", today),
                    "VALIDATION_FAILED", "customer.taxId:TAX_ID_CHECKSUM", "productLine:PRODUCT_LINE_UNKNOWN",
                    "expectedCloseDate:CLOSE_DATE_NOT_FUTURE");
        }

        @Test
        void customerIdentificationRules() {
            refusedAlike(submission(partner, "RU", null, null, "NETWORK_SECURITY", "1250000", "RUB", inTwoMonths()),
                    submissionBody("RU", null, null, "NETWORK_SECURITY", "1250000", "RUB", inTwoMonths()),
                    "VALIDATION_FAILED", "customer.taxId:CUSTOMER_IDENTIFIER_MISSING");
            refusedAlike(submission(partner, "ZZ", null, "x.example", "NETWORK_SECURITY", "1250000", "RUB",
                            inTwoMonths()),
                    submissionBody("ZZ", null, "x.example", "NETWORK_SECURITY", "1250000", "RUB", inTwoMonths()),
                    "VALIDATION_FAILED", "customer.country:COUNTRY_UNKNOWN");
        }

        @Test
        void valueRulesOfThePolicyInForce() {
            refusedAlike(submission(partner, "RU", Inns.random(), null, "DATA_CENTER", "999999.99", "RUB",
                            inTwoMonths()),
                    submissionBody("RU", Inns.random(), null, "DATA_CENTER", "999999.99", "RUB", inTwoMonths()),
                    "VALIDATION_FAILED", "estimatedValue.amount:BELOW_MINIMUM_VALUE");
            refusedAlike(submission(partner, "RU", Inns.random(), null, "DATA_CENTER", "99999999", "JPY",
                            inTwoMonths()),
                    submissionBody("RU", Inns.random(), null, "DATA_CENTER", "99999999", "JPY", inTwoMonths()),
                    "VALIDATION_FAILED", "estimatedValue.currency:CURRENCY_NOT_ACCEPTED");
            refusedAlike(submission(partner, "RU", Inns.random(), null, "DATA_CENTER", "10", "XXY", inTwoMonths()),
                    submissionBody("RU", Inns.random(), null, "DATA_CENTER", "10", "XXY", inTwoMonths()),
                    "VALIDATION_FAILED", "estimatedValue.currency:CURRENCY_UNKNOWN");
            refusedAlike(submission(partner, "RU", Inns.random(), null, "DATA_CENTER", "0", "RUB", inTwoMonths()),
                    submissionBody("RU", Inns.random(), null, "DATA_CENTER", "0", "RUB", inTwoMonths()),
                    "VALIDATION_FAILED", "estimatedValue.amount:AMOUNT_NOT_POSITIVE");
        }

        @Test
        void closeDateWithinThePolicysHorizon() {
            LocalDate tooFar = LocalDate.now().plusMonths(13);
            refusedAlike(submission(partner, "RU", Inns.random(), null, "NETWORK_SECURITY", "1250000", "RUB", tooFar),
                    submissionBody("RU", Inns.random(), null, "NETWORK_SECURITY", "1250000", "RUB", tooFar),
                    "VALIDATION_FAILED", "expectedCloseDate:CLOSE_DATE_TOO_FAR");
        }

        @Test
        void eligibilityAndSuspension() {
            String inn = Inns.random();
            refusedAlike(submission(partner, "RU", inn, null, "COLLABORATION", "1250000", "RUB", inTwoMonths()),
                    submissionBody("RU", inn, null, "COLLABORATION", "1250000", "RUB", inTwoMonths()),
                    "PRODUCT_LINE_NOT_AUTHORIZED");
            String unknown = "P-" + UUID.randomUUID().toString().substring(0, 8);
            CommandBusRefusalsIT.this.refusedAlike(
                    submission(unknown, "RU", inn, null, "NETWORK_SECURITY", "1250000", "RUB", inTwoMonths()),
                    "/api/v1/registrations", token(unknown),
                    submissionBody("RU", inn, null, "NETWORK_SECURITY", "1250000", "RUB", inTwoMonths()),
                    "PARTNER_UNKNOWN");
            suspend(partner);
            refusedAlike(submission(partner, "RU", inn, null, "NETWORK_SECURITY", "1250000", "RUB", inTwoMonths()),
                    submissionBody("RU", inn, null, "NETWORK_SECURITY", "1250000", "RUB", inTwoMonths()),
                    "PARTNER_SUSPENDED");
        }

        @Test
        void oneActiveRegistrationPerPartnerAndOpportunity() {
            String inn = Inns.random();
            submit(partner, inn);
            refusedAlike(submission(partner, "RU", inn, null, "NETWORK_SECURITY", "1250000", "RUB", inTwoMonths()),
                    submissionBody("RU", inn, null, "NETWORK_SECURITY", "1250000", "RUB", inTwoMonths()),
                    "ACTIVE_REGISTRATION_EXISTS");
        }

        @Test
        void withdrawAndResubmitCyclesPerOpportunityWithin24Hours() {
            String inn = Inns.random();
            for (int cycle = 0; cycle < limits().resubmissionsPerOpportunityPerDay(); cycle++) {
                String registrationId = submit(partner, inn).get("registrationId").asText();
                var withdrawn = http.post("/api/v1/registrations/" + registrationId + "/withdraw", token(partner),
                        "{}");
                assertThat(withdrawn.status()).as(withdrawn.raw()).isEqualTo(200);
            }
            refusedAlike(submission(partner, "RU", inn, null, "NETWORK_SECURITY", "1250000", "RUB", inTwoMonths()),
                    submissionBody("RU", inn, null, "NETWORK_SECURITY", "1250000", "RUB", inTwoMonths()),
                    "RESUBMISSION_LIMIT_REACHED");
        }
    }

    @Nested
    class Review {

        String silver;
        String gold;
        String first;
        String second;

        @BeforeEach
        void twoRegistrationsOnOneOpportunity() {
            silver = onboard(PartnerTier.SILVER, "NETWORK_SECURITY");
            gold = onboard(PartnerTier.GOLD, "NETWORK_SECURITY");
            String inn = Inns.random();
            first = submit(silver, inn).get("registrationId").asText();
            second = submit(gold, inn).get("registrationId").asText();
        }

        String approvePath(String registrationId) {
            return "/api/v1/registrations/" + registrationId + "/approve";
        }

        @Test
        void tierCapsOnDiscountAndProtection() {
            refusedAlike(new ApproveRegistration(first, new BigDecimal("10.5"), null, null, null), approvePath(first),
                    MANAGER, "{\"discountPercent\": 10.5}", "VALIDATION_FAILED",
                    "discountPercent:DISCOUNT_ABOVE_TIER_MAXIMUM");
            refusedAlike(new ApproveRegistration(first, BigDecimal.ONE, 91, null, null), approvePath(first), MANAGER,
                    "{\"discountPercent\": 1, \"protectionDays\": 91}", "VALIDATION_FAILED",
                    "protectionDays:PROTECTION_ABOVE_TIER");
        }

        @Test
        void firstToRegisterAndOnlyPendingRegistrations() {
            refusedAlike(new ApproveRegistration(second, BigDecimal.ONE, null, null, null), approvePath(second),
                    MANAGER, "{\"discountPercent\": 1}", "EARLIER_REGISTRATION_EXISTS");
            refusedAlike(new ApproveRegistration(second, BigDecimal.ONE, null, null, "d-unknown"),
                    approvePath(second), MANAGER, "{\"discountPercent\": 1, \"rulingDisputeId\": \"d-unknown\"}",
                    "RULING_NOT_APPLICABLE");
            approve(first);
            refusedAlike(new ApproveRegistration(first, BigDecimal.ONE, null, null, null), approvePath(first), MANAGER,
                    "{\"discountPercent\": 1}", "REGISTRATION_NOT_PENDING");
            refusedAlike(new RejectRegistration(first, RejectionReason.INELIGIBLE, null),
                    "/api/v1/registrations/" + first + "/reject", MANAGER, "{\"reasonCode\": \"INELIGIBLE\"}",
                    "REGISTRATION_NOT_PENDING");
        }

        @Test
        void rejectionReasons() {
            refusedAlike(new RejectRegistration(first, RejectionReason.OTHER, null),
                    "/api/v1/registrations/" + first + "/reject", MANAGER, "{\"reasonCode\": \"OTHER\"}",
                    "VALIDATION_FAILED", "note:NOTE_REQUIRED");
            refusedAlike(new RejectRegistration(first, RejectionReason.ALREADY_REGISTERED, null),
                    "/api/v1/registrations/" + first + "/reject", MANAGER,
                    "{\"reasonCode\": \"ALREADY_REGISTERED\"}", "NO_EARLIER_REGISTRATION");
        }

        @Test
        void unknownRegistrations() {
            String unknown = UUID.randomUUID().toString();
            refusedAlike(new ApproveRegistration(unknown, BigDecimal.ONE, null, null, null), approvePath(unknown),
                    MANAGER, "{\"discountPercent\": 1}", "NOT_FOUND");
            refusedAlike(new WithdrawRegistration(first, gold, null), "/api/v1/registrations/" + first + "/withdraw",
                    token(gold), "{}", "NOT_FOUND");
        }

        @Test
        void outcomesAndExtensions() {
            String outcome = "/api/v1/registrations/" + first + "/outcome";
            refusedAlike(new ReportOutcome(first, silver, ReportOutcome.Result.WON, null, null), outcome,
                    token(silver), "{\"result\": \"WON\"}", "VALIDATION_FAILED", "finalValue:INVALID");
            refusedAlike(new ReportOutcome(first, silver, ReportOutcome.Result.LOST, null, null), outcome,
                    token(silver), "{\"result\": \"LOST\"}", "VALIDATION_FAILED", "reason:INVALID");
            String extension = "/api/v1/registrations/" + first + "/extension-requests";
            refusedAlike(new RequestExtension(first, "x-1", silver, "delayed", 10), extension, token(silver),
                    "{\"reason\": \"delayed\", \"days\": 10}", "NOT_PROTECTED");
            approve(first);
            refusedAlike(new RequestExtension(first, "x-1", silver, "delayed", 31), extension, token(silver),
                    "{\"reason\": \"delayed\", \"days\": 31}", "EXTENSION_TOO_LONG");
            refusedAlike(new DecideExtension(first, "x-404", true, null),
                    "/api/v1/registrations/" + first + "/extension-requests/x-404/grant", MANAGER, "{}", "NOT_FOUND");
        }

        /** A suspended partner may not push its deals forward, but it may still withdraw them. */
        @Test
        void suspendedPartnersNeitherExtendNorReportOutcomes() {
            approve(first);
            suspend(silver);
            refusedAlike(new RequestExtension(first, "x-1", silver, "delayed", 10),
                    "/api/v1/registrations/" + first + "/extension-requests", token(silver),
                    "{\"reason\": \"delayed\", \"days\": 10}", "PARTNER_SUSPENDED");
            refusedAlike(new ReportOutcome(first, silver, ReportOutcome.Result.WON, Money.of("1100000", "RUB"), null),
                    "/api/v1/registrations/" + first + "/outcome", token(silver),
                    "{\"result\": \"WON\", \"finalValue\": {\"amount\": \"1100000\", \"currency\": \"RUB\"}}",
                    "PARTNER_SUSPENDED");
            assertThatCode(() -> gateway.sendAndWait(new WithdrawRegistration(first, silver, "customer postponed")))
                    .as("a suspended partner still withdraws").doesNotThrowAnyException();
        }
    }

    @Nested
    class Support {

        String opportunityId;
        String first;
        String second;

        @BeforeEach
        void twoApprovedRegistrationsFirstSupported() {
            String a = onboard(PartnerTier.GOLD, "NETWORK_SECURITY");
            String b = onboard(PartnerTier.GOLD, "NETWORK_SECURITY");
            String inn = Inns.random();
            JsonNode submitted = submit(a, inn);
            opportunityId = submitted.get("opportunityId").asText();
            first = submitted.get("registrationId").asText();
            second = submit(b, inn).get("registrationId").asText();
            approve(first);
        }

        void refusedAlike(ChangeSupport command, String body, String code, String... fieldRules) {
            CommandBusRefusalsIT.this.refusedAlike(command, "/api/v1/opportunities/" + opportunityId + "/support",
                    MANAGER, body, code, fieldRules);
        }

        @Test
        void whatEachActionAndReasonNeeds() {
            refusedAlike(new ChangeSupport(opportunityId, ChangeSupport.Action.GRANT, null, null, null, null, null),
                    "{\"action\": \"GRANT\"}", "VALIDATION_FAILED", "registrationId:INVALID");
            refusedAlike(new ChangeSupport(opportunityId, ChangeSupport.Action.MOVE, second,
                            SupportReason.CUSTOMER_WRITTEN_PREFERENCE, null, null, null),
                    "{\"action\": \"MOVE\", \"registrationId\": \"" + second
                            + "\", \"reasonCode\": \"CUSTOMER_WRITTEN_PREFERENCE\"}",
                    "VALIDATION_FAILED", "evidenceSha256:INVALID");
            refusedAlike(new ChangeSupport(opportunityId, ChangeSupport.Action.MOVE, second,
                            SupportReason.ARBITRATION_RULING, null, null, null),
                    "{\"action\": \"MOVE\", \"registrationId\": \"" + second
                            + "\", \"reasonCode\": \"ARBITRATION_RULING\"}",
                    "VALIDATION_FAILED", "rulingDisputeId:INVALID");
        }

        @Test
        void supportMovesOnlyForAReasonThatHolds() {
            refusedAlike(new ChangeSupport(opportunityId, ChangeSupport.Action.WITHDRAW, null, null, null, null, null),
                    "{\"action\": \"WITHDRAW\"}", "NO_SUPPORT");
            refusedAlike(new ChangeSupport(opportunityId, ChangeSupport.Action.GRANT, second, null, null, null, null),
                    "{\"action\": \"GRANT\", \"registrationId\": \"" + second + "\"}", "REGISTRATION_NOT_APPROVED");
            assertThat(http.post("/api/v1/opportunities/" + opportunityId + "/support", MANAGER,
                    "{\"action\": \"GRANT\", \"registrationId\": \"" + first + "\"}").status()).isEqualTo(200);
            refusedAlike(new ChangeSupport(opportunityId, ChangeSupport.Action.WITHDRAW, null,
                            SupportReason.PROTECTION_EXPIRED, null, null, null),
                    "{\"action\": \"WITHDRAW\", \"reasonCode\": \"PROTECTION_EXPIRED\"}",
                    "SUPPORT_SWITCH_NOT_ALLOWED");
        }

        /** A move citing the customer's written preference needs the document recorded on the opportunity first. */
        @Test
        void customerPreferencesAreCitedOnlyOnceRecorded() {
            String support = "/api/v1/opportunities/" + opportunityId + "/support";
            assertThat(http.post(support, MANAGER, "{\"action\": \"GRANT\", \"registrationId\": \"" + first + "\"}")
                    .status()).isEqualTo(200);
            refusedAlike(new ChangeSupport(opportunityId, ChangeSupport.Action.MOVE, second,
                            SupportReason.CUSTOMER_WRITTEN_PREFERENCE, null, SHA, "letter"),
                    "{\"action\": \"MOVE\", \"registrationId\": \"" + second + "\", "
                            + "\"reasonCode\": \"CUSTOMER_WRITTEN_PREFERENCE\", \"evidenceSha256\": \"" + SHA
                            + "\", \"note\": \"letter\"}",
                    "EVIDENCE_NOT_RECORDED");

            var recorded = http.post(support + "/evidence", MANAGER,
                    "{\"sha256\": \"" + SHA + "\", \"name\": \"customer letter\"}");
            assertThat(recorded.status()).as(recorded.raw()).isEqualTo(201);
            CommandBusRefusalsIT.this.refusedAlike(
                    new RecordSupportEvidence(opportunityId, SHA.toUpperCase(), "the same letter", null, "manager-1"),
                    support + "/evidence", MANAGER,
                    "{\"sha256\": \"" + SHA.toUpperCase() + "\", \"name\": \"the same letter\"}",
                    "EVIDENCE_ALREADY_RECORDED");
            assertThatCode(() -> gateway.sendAndWait(new ChangeSupport(opportunityId, ChangeSupport.Action.WITHDRAW,
                    null, SupportReason.CUSTOMER_WRITTEN_PREFERENCE, null, SHA, "letter")))
                    .as("support leaves citing the recorded preference").doesNotThrowAnyException();
        }
    }

    // ------------------------------------------------------------------ policy and partners

    @Test
    void policiesArePublishedOnlyWhenComplete() {
        PolicyDocument incomplete = new PolicyDocument(new java.util.TreeMap<>(), new java.util.TreeMap<>(), 0,
                List.of(2, 3), null, 10, 12, new PolicyDocument.BusinessCalendar("Europe/Nowhere", List.of(), List.of()), null);
        refusedAlike(new PublishPolicy("leadledger-policy", incomplete, "admin-1"), "/api/v1/policies", ADMIN, """
                        {"productLines": {}, "tiers": {}, "reviewSlaBusinessDays": 0,
                         "disputeSlaBusinessDays": [2, 3], "appealWindowDays": 10, "maxCloseDateMonths": 12,
                         "calendar": {"timeZone": "Europe/Nowhere", "holidays": []}}""",
                "VALIDATION_FAILED", "productLines:POLICY_INVALID", "tiers.REGISTERED:POLICY_INVALID",
                "tiers.SILVER:POLICY_INVALID", "tiers.GOLD:POLICY_INVALID", "tiers.PLATINUM:POLICY_INVALID",
                "reviewSlaBusinessDays:POLICY_INVALID", "disputeSlaBusinessDays:POLICY_INVALID",
                "extension:POLICY_INVALID", "calendar.timeZone:POLICY_INVALID");
    }

    @Test
    void partnersAreOnboardedOnlyForProductLinesThePolicyOffers() {
        String id = "P-" + UUID.randomUUID().toString().substring(0, 8);
        refusedAlike(new OnboardPartner(id, "X", PartnerTier.GOLD, List.of("TOASTERS"), null), "/api/v1/partners",
                ADMIN, "{\"partnerId\": \"" + id + "\", \"name\": \"X\", \"tier\": \"GOLD\", "
                        + "\"productLines\": [\"TOASTERS\"]}",
                "VALIDATION_FAILED", "productLines:PRODUCT_LINE_UNKNOWN");
        refusedAlike(new OnboardPartner(id, "X", PartnerTier.GOLD, List.of("DATA_CENTER"), "ftp://x.example"),
                "/api/v1/partners", ADMIN, "{\"partnerId\": \"" + id + "\", \"name\": \"X\", \"tier\": \"GOLD\", "
                        + "\"productLines\": [\"DATA_CENTER\"], \"webhookUrl\": \"ftp://x.example\"}",
                "VALIDATION_FAILED", "webhookUrl:INVALID");
        String existing = onboard(PartnerTier.GOLD, "DATA_CENTER");
        refusedAlike(new OnboardPartner(existing, "X", PartnerTier.GOLD, List.of("DATA_CENTER"), null),
                "/api/v1/partners", ADMIN, "{\"partnerId\": \"" + existing + "\", \"name\": \"X\", "
                        + "\"tier\": \"GOLD\", \"productLines\": [\"DATA_CENTER\"]}", "PARTNER_EXISTS");
        refusedAlike(new ChangePartnerProductLines(existing, List.of("TOASTERS")),
                "/api/v1/partners/" + existing + "/product-lines", ADMIN, "{\"productLines\": [\"TOASTERS\"]}",
                "VALIDATION_FAILED", "productLines:PRODUCT_LINE_UNKNOWN");
    }

    // ------------------------------------------------------------------ the dispute ladder

    @Nested
    class Disputes {

        String complainant;
        String respondent;
        String complaint;
        String complainantRegistration;
        String respondentRegistration;
        String opportunityId;

        @BeforeEach
        void aDumpingComplaint() {
            complainant = onboard(PartnerTier.GOLD, "NETWORK_SECURITY");
            respondent = onboard(PartnerTier.GOLD, "NETWORK_SECURITY");
            String inn = Inns.random();
            JsonNode mine = submit(complainant, inn);
            complainantRegistration = mine.get("registrationId").asText();
            opportunityId = mine.get("opportunityId").asText();
            respondentRegistration = submit(respondent, inn).get("registrationId").asText();
            var opened = http.post("/api/v1/disputes", token(complainant), """
                    {"type": "PRICE_DUMPING", "registrationId": "%s", "description": "undercut",
                     "amounts": {"quotedPrice": {"amount": "100", "currency": "RUB"},
                                 "allegedPrice": {"amount": "80", "currency": "RUB"},
                                 "entitledDiscountPercent": 5}}""".formatted(complainantRegistration));
            assertThat(opened.status()).as(opened.raw()).isEqualTo(201);
            complaint = opened.text("disputeId");
        }

        String path(String action) {
            return "/api/v1/disputes/" + complaint + "/" + action;
        }

        void linkRespondent() {
            assertThat(http.post(path("respondent"), MANAGER, "{\"partnerId\": \"" + respondent
                    + "\", \"registrationId\": \"" + respondentRegistration + "\"}").status()).isEqualTo(200);
        }

        void rule(String token, String outcome) {
            var ruled = http.post(path("ruling"), token, "{\"outcome\": \"" + outcome + "\", \"rationale\": \"r\"}");
            assertThat(ruled.status()).as(ruled.raw()).isEqualTo(200);
        }

        @Test
        void opening() {
            refusedAlike(new OpenDispute("d-" + UUID.randomUUID(), DisputeType.PRICE_DUMPING, null,
                            complainantRegistration, complainant, Role.PARTNER, "x",
                            new DisputeAmounts(Money.of("1", "RUB"), Money.of("1", "USD"), null)),
                    "/api/v1/disputes", token(complainant), """
                            {"type": "PRICE_DUMPING", "registrationId": "%s", "description": "x",
                             "amounts": {"quotedPrice": {"amount": "1", "currency": "RUB"},
                                         "allegedPrice": {"amount": "1", "currency": "USD"}}}"""
                            .formatted(complainantRegistration),
                    "VALIDATION_FAILED", "amounts.entitledDiscountPercent:AMOUNTS_REQUIRED",
                    "amounts.allegedPrice.currency:CURRENCY_MISMATCH");
            refusedAlike(new OpenDispute("d-" + UUID.randomUUID(), DisputeType.PRICE_DUMPING, null,
                            complainantRegistration, complainant, Role.PARTNER, "x", null), "/api/v1/disputes",
                    token(complainant), "{\"type\": \"PRICE_DUMPING\", \"registrationId\": \""
                            + complainantRegistration + "\", \"description\": \"x\"}",
                    "VALIDATION_FAILED", "amounts:AMOUNTS_REQUIRED");
            refusedAlike(new OpenDispute("d-" + UUID.randomUUID(), DisputeType.DUPLICATE_CLAIM, null, null,
                            complainant, Role.PARTNER, "x", null), "/api/v1/disputes", token(complainant),
                    "{\"type\": \"DUPLICATE_CLAIM\", \"description\": \"x\"}",
                    "VALIDATION_FAILED", "registrationId:INVALID");
            refusedAlike(new OpenDispute("d-" + UUID.randomUUID(), DisputeType.DUPLICATE_CLAIM, null,
                            respondentRegistration, complainant, Role.PARTNER, "x", null), "/api/v1/disputes",
                    token(complainant), "{\"type\": \"DUPLICATE_CLAIM\", \"registrationId\": \""
                            + respondentRegistration + "\", \"description\": \"x\"}", "NOT_FOUND");
            String stranger = onboard(PartnerTier.GOLD, "NETWORK_SECURITY");
            refusedAlike(new OpenDispute("d-" + UUID.randomUUID(), DisputeType.SUPPORT_OVERRIDE, opportunityId, null,
                            stranger, Role.PARTNER, "x", null), "/api/v1/disputes", token(stranger),
                    "{\"type\": \"SUPPORT_OVERRIDE\", \"opportunityId\": \"" + opportunityId
                            + "\", \"description\": \"x\"}", "NOT_FOUND");
        }

        @Test
        void partiesEvidenceAndEscalation() {
            String stranger = onboard(PartnerTier.GOLD, "NETWORK_SECURITY");
            refusedAlike(new AddEvidence(complaint, "e-1", "s", stranger, "me too", null, List.of()),
                    path("evidence"), token(stranger), "{\"description\": \"me too\"}", "NOT_FOUND");
            refusedAlike(new AddEvidence(complaint, "e-1", "c", complainant, "doc", null,
                            List.of(new EvidenceDocument("quote.pdf", SHA, "mailto:x@y"))), path("evidence"),
                    token(complainant), "{\"description\": \"doc\", \"documents\": [{\"name\": \"quote.pdf\", "
                            + "\"sha256\": \"" + SHA + "\", \"link\": \"mailto:x@y\"}]}",
                    "VALIDATION_FAILED", "documents[0].link:INVALID");
            refusedAlike(new EscalateDispute(complaint, stranger, "x"), path("escalate"), token(stranger),
                    "{\"reason\": \"x\"}", "NOT_FOUND");
            refusedAlike(new AppealRuling(complaint, complainant, "x"), path("appeal"), token(complainant),
                    "{\"reason\": \"x\"}", "NOT_RULED_YET");
        }

        @Test
        void evidencePerPartyWithinThePolicysLimit() {
            for (int item = 1; item <= limits().evidencePerPartyPerDispute(); item++) {
                gateway.sendAndWait(new AddEvidence(complaint, "e-" + item, "c", complainant, "item " + item, null,
                        List.of()));
            }
            refusedAlike(new AddEvidence(complaint, "e-more", "c", complainant, "one more", null, List.of()),
                    path("evidence"), token(complainant), "{\"description\": \"one more\"}",
                    "EVIDENCE_LIMIT_REACHED");
        }

        @Test
        void aPartyEscalatesOncePerLevel() {
            linkRespondent();
            assertThat(http.post(path("escalate"), token(complainant), "{\"reason\": \"urgent\"}").status())
                    .isEqualTo(200);
            refusedAlike(new EscalateDispute(complaint, complainant, "higher"), path("escalate"), token(complainant),
                    "{\"reason\": \"higher\"}", "ALREADY_ESCALATED");
            assertThat(http.post(path("escalate"), token(respondent), "{\"reason\": \"committee\"}").status())
                    .as("the other party escalates the next level").isEqualTo(200);
        }

        /** A suspended party no longer pushes disputes, but still defends itself: evidence and appeal. */
        @Test
        void suspendedPartiesNeitherOpenNorEscalate() {
            linkRespondent();
            suspend(complainant);
            refusedAlike(new OpenDispute("d-" + UUID.randomUUID(), DisputeType.DUPLICATE_CLAIM, null,
                            complainantRegistration, complainant, Role.PARTNER, "again", null), "/api/v1/disputes",
                    token(complainant), "{\"type\": \"DUPLICATE_CLAIM\", \"registrationId\": \""
                            + complainantRegistration + "\", \"description\": \"again\"}", "PARTNER_SUSPENDED");
            refusedAlike(new EscalateDispute(complaint, complainant, "higher"), path("escalate"), token(complainant),
                    "{\"reason\": \"higher\"}", "PARTNER_SUSPENDED");

            assertThatCode(() -> gateway.sendAndWait(new AddEvidence(complaint, "e-1", "c", complainant, "our side",
                    null, List.of()))).as("a suspended party still adds evidence").doesNotThrowAnyException();
            rule(MANAGER, "DISMISSED");
            DisputeLevel appealed = gateway.sendAndWait(new AppealRuling(complaint, complainant, "unfair"));
            assertThat(appealed.level()).as("a suspended party still appeals, heard one level up").isEqualTo(2);
        }

        @Test
        void respondents() {
            refusedAlike(new LinkRespondent(complaint, "P-NOBODY", null), path("respondent"), MANAGER,
                    "{\"partnerId\": \"P-NOBODY\"}", "VALIDATION_FAILED", "partnerId:PARTNER_UNKNOWN");
            refusedAlike(new LinkRespondent(complaint, respondent, complainantRegistration), path("respondent"),
                    MANAGER, "{\"partnerId\": \"" + respondent + "\", \"registrationId\": \""
                            + complainantRegistration + "\"}",
                    "VALIDATION_FAILED", "registrationId:NOT_RESPONDENTS_REGISTRATION");
            refusedAlike(new LinkRespondent(complaint, complainant, null), path("respondent"), MANAGER,
                    "{\"partnerId\": \"" + complainant + "\"}", "RESPONDENT_IS_COMPLAINANT");
        }

        @Test
        void onlyTheDeciderOfTheLevelActs() {
            refusedAlike(new AssignDispute(complaint, "director-2", "director-1", Set.of(Role.CHANNEL_DIRECTOR)),
                    path("assign"), DIRECTOR, "{\"assignee\": \"director-2\"}", "NOT_DECIDER_OF_LEVEL");
            refusedAlike(new RuleOnDispute(complaint, "director-1", Set.of(Role.CHANNEL_DIRECTOR),
                            DisputeOutcome.UPHELD, "r", null, false, 0, null), path("ruling"), DIRECTOR,
                    "{\"outcome\": \"UPHELD\", \"rationale\": \"r\"}", "NOT_DECIDER_OF_LEVEL");
        }

        @Test
        void whatARulingMayOrder() {
            refusedAlike(new RuleOnDispute(complaint, "manager-1", Set.of(Role.CHANNEL_MANAGER),
                            DisputeOutcome.DISMISSED, "r", complainantRegistration, true, 3, null), path("ruling"), MANAGER,
                    "{\"outcome\": \"DISMISSED\", \"rationale\": \"r\", \"rightfulRegistrationId\": \""
                            + complainantRegistration + "\", \"revokeRespondentProtection\": true, "
                            + "\"penaltyPoints\": 3}",
                    "VALIDATION_FAILED", "rightfulRegistrationId:EFFECTS_ONLY_WHEN_UPHELD",
                    "revokeRespondentProtection:EFFECTS_ONLY_WHEN_UPHELD", "penaltyPoints:EFFECTS_ONLY_WHEN_UPHELD");
            refusedAlike(new RuleOnDispute(complaint, "manager-1", Set.of(Role.CHANNEL_MANAGER),
                            DisputeOutcome.UPHELD, "r", null, false, 10, null), path("ruling"), MANAGER,
                    "{\"outcome\": \"UPHELD\", \"rationale\": \"r\", \"penaltyPoints\": 10}", "NO_RESPONDENT");
            String elsewhere = submit(complainant, Inns.random()).get("registrationId").asText();
            refusedAlike(new RuleOnDispute(complaint, "manager-1", Set.of(Role.CHANNEL_MANAGER),
                            DisputeOutcome.UPHELD, "r", elsewhere, false, 0, null), path("ruling"), MANAGER,
                    "{\"outcome\": \"UPHELD\", \"rationale\": \"r\", \"rightfulRegistrationId\": \"" + elsewhere
                            + "\"}", "VALIDATION_FAILED", "rightfulRegistrationId:NOT_ON_DISPUTED_OPPORTUNITY");
            assertThat(http.post(path("respondent"), MANAGER, "{\"partnerId\": \"" + respondent + "\"}").status())
                    .isEqualTo(200);
            refusedAlike(new RuleOnDispute(complaint, "manager-1", Set.of(Role.CHANNEL_MANAGER),
                            DisputeOutcome.UPHELD, "r", null, true, 0, null), path("ruling"), MANAGER,
                    "{\"outcome\": \"UPHELD\", \"rationale\": \"r\", \"revokeRespondentProtection\": true}",
                    "NO_RESPONDENT_REGISTRATION");
            linkRespondent();
            refusedAlike(new RuleOnDispute(complaint, "manager-1", Set.of(Role.CHANNEL_MANAGER),
                            DisputeOutcome.UPHELD, "r", respondentRegistration, true, 0, null), path("ruling"), MANAGER,
                    "{\"outcome\": \"UPHELD\", \"rationale\": \"r\", \"rightfulRegistrationId\": \""
                            + respondentRegistration + "\", \"revokeRespondentProtection\": true}",
                    "CONTRADICTORY_EFFECTS");
        }

        @Test
        void closedDisputesAndTheTopLevel() {
            linkRespondent();
            for (String token : List.of(MANAGER, DIRECTOR)) {
                assertThat(http.post(path("escalate"), token, "{\"reason\": \"up\"}").status()).isEqualTo(200);
            }
            refusedAlike(new EscalateDispute(complaint, complainant, "higher"), path("escalate"), token(complainant),
                    "{\"reason\": \"higher\"}", "ALREADY_AT_TOP_LEVEL");
            rule(COMMITTEE, "DISMISSED");
            refusedAlike(new AddEvidence(complaint, "e-9", "c", complainant, "late", null, List.of()),
                    path("evidence"), token(complainant), "{\"description\": \"late\"}", "DISPUTE_CLOSED");
            refusedAlike(new RuleOnDispute(complaint, "committee-1", Set.of(Role.ARBITRATION_COMMITTEE),
                            DisputeOutcome.UPHELD, "r", null, false, 0, null), path("ruling"), COMMITTEE,
                    "{\"outcome\": \"UPHELD\", \"rationale\": \"r\"}", "DISPUTE_CLOSED");
        }

        @Test
        void theOneAppeal() {
            linkRespondent();
            rule(MANAGER, "DISMISSED");
            assertThat(http.post(path("appeal"), token(complainant), "{\"reason\": \"unfair\"}").status())
                    .isEqualTo(200);
            refusedAlike(new AppealRuling(complaint, respondent, "me too"), path("appeal"), token(respondent),
                    "{\"reason\": \"me too\"}", "ALREADY_APPEALED");
        }

        @Test
        void appealsAreHeardByANewPanel() {
            linkRespondent();
            for (String token : List.of(MANAGER, DIRECTOR)) {
                assertThat(http.post(path("escalate"), token, "{\"reason\": \"up\"}").status()).isEqualTo(200);
            }
            rule(COMMITTEE, "DISMISSED");
            assertThat(http.post(path("appeal"), token(complainant), "{\"reason\": \"unfair\"}").status())
                    .isEqualTo(200);
            refusedAlike(new RuleOnDispute(complaint, "committee-1", Set.of(Role.ARBITRATION_COMMITTEE),
                            DisputeOutcome.UPHELD, "r", null, false, 0, null), path("ruling"), COMMITTEE,
                    "{\"outcome\": \"UPHELD\", \"rationale\": \"r\"}", "APPEAL_NEEDS_NEW_PANEL");
        }

        @Test
        void appealsOnlyWithinTheWindow() {
            linkRespondent();
            rule(MANAGER, "DISMISSED");
            clock.offset = Duration.ofDays(11);
            try {
                refusedAlike(new AppealRuling(complaint, complainant, "late"), path("appeal"), token(complainant),
                        "{\"reason\": \"late\"}", "APPEAL_WINDOW_CLOSED");
            } finally {
                clock.offset = Duration.ZERO;
            }
        }
    }

}
