package com.leadledger.command.config;

import com.leadledger.events.common.Money;
import com.leadledger.events.customer.CustomerIdentity;
import com.leadledger.events.customer.CustomerKey;
import com.leadledger.events.dispute.DisputeOutcome;
import com.leadledger.events.dispute.DisputeRuled;
import com.leadledger.events.dispute.RulingEffects;
import com.leadledger.events.policy.PolicyDocument;
import com.leadledger.events.policy.PolicyPublished;
import com.leadledger.events.registration.RegistrationSubmitted;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The JSON Axon stores is covered by the hash chain and kept verbatim by the query side, so it keeps the format that
 * wrote every stored event: each expected string below is what Spring Boot 3's {@code ObjectMapper} (the serializer's
 * mapper before the move to Spring Boot 4) wrote for the same object. One of each shape the command side stores:
 * money, dates, instants with and without fractions, nulls, nested records, sorted maps, enums, metadata, tokens.
 */
class StoredEventFormatTest {

    private final JacksonSerializer serializer = JacksonSerializer.builder()
            .objectMapper(new StoredJsonConfig().storedJsonMapper()).build();

    static Stream<Arguments> storedForms() {
        CustomerIdentity customer = new CustomerIdentity("ООО «Ромашка»", "RU", "7707083893", null, "Moscow");
        return Stream.of(
                Arguments.of(new RegistrationSubmitted("OPP-1", "REG-1", "P-1001", 1, customer,
                        CustomerKey.of(customer), "ERP", Money.of("300000.00", "RUB"), LocalDate.parse("2027-03-31"),
                        "Roll-out \"phase 1\"\n\tline two", Instant.parse("2026-12-03T09:39:00.123456789Z"), 2),
                        "{\"opportunityId\":\"OPP-1\",\"registrationId\":\"REG-1\",\"partnerId\":\"P-1001\",\"position\":1,\"customer\":{\"legalName\":\"ООО «Ромашка»\",\"country\":\"RU\",\"taxId\":\"7707083893\",\"domain\":null,\"region\":\"Moscow\"},\"customerKey\":\"7707083893\",\"productLine\":\"ERP\",\"estimatedValue\":{\"amount\":\"300000.00\",\"currency\":\"RUB\"},\"expectedCloseDate\":\"2027-03-31\",\"description\":\"Roll-out \\\"phase 1\\\"\\n\\tline two\",\"acceptedAt\":\"2026-12-03T09:39:00.123456789Z\",\"policyVersion\":2}"),
                Arguments.of(new PolicyPublished(2, new PolicyDocument(
                        new TreeMap<>(Map.of("ERP", new PolicyDocument.ProductLineRule(
                                new TreeMap<>(Map.of("RUB", new BigDecimal("100000"), "EUR", new BigDecimal("1000.50")))))),
                        new TreeMap<>(Map.of("GOLD", new PolicyDocument.TierRule(120, new BigDecimal("30.0")))),
                        5, List.of(5, 10), new PolicyDocument.ExtensionRule(2, 30), 14, 12,
                        new PolicyDocument.BusinessCalendar("Europe/Moscow", List.of(LocalDate.parse("2027-01-01")), List.of()),
                        new PolicyDocument.AbuseLimits(3, 50)),
                        Instant.parse("2026-12-03T00:00:00Z"), "admin"),
                        "{\"version\":2,\"policy\":{\"productLines\":{\"ERP\":{\"minimumValue\":{\"EUR\":1000.50,\"RUB\":100000}}},\"tiers\":{\"GOLD\":{\"protectionDays\":120,\"maxDiscountPercent\":30.0}},\"reviewSlaBusinessDays\":5,\"disputeSlaBusinessDays\":[5,10],\"extension\":{\"maxCount\":2,\"maxDays\":30},\"appealWindowDays\":14,\"maxCloseDateMonths\":12,\"calendar\":{\"timeZone\":\"Europe/Moscow\",\"holidays\":[\"2027-01-01\"]},\"limits\":{\"resubmissionsPerOpportunityPerDay\":3,\"evidencePerPartyPerDispute\":50}},\"publishedAt\":\"2026-12-03T00:00:00Z\",\"publishedBy\":\"admin\"}"),
                Arguments.of(new DisputeRuled("D-1", "OPP-1", 2, DisputeOutcome.UPHELD, "first to register",
                        "REG-1", true, 3, "P-1002", "REG-2", "OPP-1", true, new RulingEffects(null, false, 0),
                        null, "director-1", "CHANNEL_DIRECTOR", Instant.parse("2026-12-03T10:00:00.5Z"), 2,
                        "The registration of P-1001 came first."),
                        "{\"disputeId\":\"D-1\",\"opportunityId\":\"OPP-1\",\"level\":2,\"outcome\":\"UPHELD\",\"rationale\":\"first to register\",\"rightfulRegistrationId\":\"REG-1\",\"revokeRespondentProtection\":true,\"penaltyPoints\":3,\"respondentPartnerId\":\"P-1002\",\"respondentRegistrationId\":\"REG-2\",\"respondentOpportunityId\":\"OPP-1\",\"appeal\":true,\"supersededEffects\":{\"rightfulRegistrationId\":null,\"revokeRespondentProtection\":false,\"penaltyPoints\":0},\"appealableUntil\":null,\"decidedBy\":\"director-1\",\"decidedByRole\":\"CHANNEL_DIRECTOR\",\"at\":\"2026-12-03T10:00:00.500Z\",\"policyVersion\":2,\"partyStatement\":\"The registration of P-1001 came first.\"}"),
                Arguments.of(MetaData.with("actorId", "partner-a").and("actorRole", "PARTNER")
                        .and("partnerId", "P-1001").and("correlationId", "c-1").and("causationId", null),
                        "{\"causationId\":null,\"correlationId\":\"c-1\",\"actorId\":\"partner-a\",\"partnerId\":\"P-1001\",\"actorRole\":\"PARTNER\"}"),
                Arguments.of(new GlobalSequenceTrackingToken(41), "{\"globalIndex\":41}"));
    }

    @ParameterizedTest
    @MethodSource("storedForms")
    void isStoredAsSpringBoot3WroteItAndReadsBack(Object stored, String asWrittenBefore) {
        SerializedObject<String> written = serializer.serialize(stored, String.class);

        assertThat(written.getData()).isEqualTo(asWrittenBefore);
        assertThat((Object) serializer.deserialize(written)).isEqualTo(stored);
    }
}
