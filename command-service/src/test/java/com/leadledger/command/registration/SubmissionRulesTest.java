package com.leadledger.command.registration;

import com.leadledger.command.partner.PartnerDirectory;
import com.leadledger.command.partner.TestPartners;
import com.leadledger.command.policy.PublishedPolicy;
import com.leadledger.command.policy.TestPolicies;
import com.leadledger.events.common.Money;
import com.leadledger.events.customer.CustomerIdentity;
import com.leadledger.events.partner.PartnerTier;
import com.leadledger.kit.domain.RuleViolation;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class SubmissionRulesTest {

    /** 2026-11-19, Thursday noon in Moscow. */
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-19T09:00:00Z"), ZoneOffset.UTC);
    static final PublishedPolicy POLICY = new TestPolicies().inForce();
    static final SubmitRegistration.CustomerDetails ROMASHKA =
            new SubmitRegistration.CustomerDetails(" ООО «Ромашка» ", "RU", "77-0708-3893", "https://www.Romashka.ru/",
                    " Moscow ");

    static SubmitRegistration submission(SubmitRegistration.CustomerDetails customer, String line, Money value,
                                         LocalDate close) {
        return new SubmitRegistration("r-1", "P-1", customer, line, value, close, "  ");
    }

    static SubmitRegistration valid() {
        return submission(ROMASHKA, "NETWORK_SECURITY", Money.of("300000", "RUB"), LocalDate.parse("2027-03-31"));
    }

    static List<String> rules(RuleViolation violation) {
        return violation.errors().stream().map(e -> e.field() + ":" + e.rule()).toList();
    }

    @Test
    void canNormalizeTheCustomerAndStripOptionalTexts() {
        var valid = SubmissionRules.validate(valid(), POLICY, CLOCK);

        assertThat(valid.customer()).isEqualTo(
                new CustomerIdentity("ООО «Ромашка»", "RU", "RU:7707083893", "romashka.ru", "Moscow"));
        assertThat(valid.description()).isNull();
    }

    @Test
    void cannotAcceptASubmissionWithInvalidFieldsAndNamesThemAllAtOnce() {
        var customer = new SubmitRegistration.CustomerDetails("X", "RU", "7707083894", null, null);
        var violation = catchThrowableOfType(() -> SubmissionRules.validate(
                submission(customer, "TOASTERS", Money.of("1", "RUB"), LocalDate.parse("2026-11-19")), POLICY, CLOCK),
                RuleViolation.class);

        assertThat(violation.code()).isEqualTo(RuleViolation.VALIDATION_FAILED);
        assertThat(rules(violation)).containsExactly("customer.taxId:TAX_ID_CHECKSUM",
                "productLine:PRODUCT_LINE_UNKNOWN", "expectedCloseDate:CLOSE_DATE_NOT_FUTURE");
    }

    @Test
    void cannotAcceptACountryThatIsNoIsoCode() {
        var customer = new SubmitRegistration.CustomerDetails("X", "ZZ", null, "x.example", null);
        var violation = catchThrowableOfType(() -> SubmissionRules.validate(
                submission(customer, "NETWORK_SECURITY", Money.of("300000", "RUB"), LocalDate.parse("2027-01-01")),
                POLICY, CLOCK), RuleViolation.class);

        assertThat(rules(violation)).containsExactly("customer.country:COUNTRY_UNKNOWN");
    }

    @Test
    void cannotAcceptASubmissionWithoutTheMembersARegistrationNeeds() {
        var violation = catchThrowableOfType(() -> SubmissionRules.validate(
                new SubmitRegistration("r-1", "P-1", null, " ", null, null, null), POLICY, CLOCK), RuleViolation.class);

        assertThat(rules(violation)).containsExactly("customer:INVALID", "customer.legalName:INVALID",
                "customer.country:INVALID", "productLine:INVALID", "estimatedValue:INVALID",
                "expectedCloseDate:INVALID");
    }

    @Test
    void cannotAcceptACustomerWithoutAnyIdentifier() {
        var customer = new SubmitRegistration.CustomerDetails("X", "RU", " ", null, null);
        var violation = catchThrowableOfType(() -> SubmissionRules.validate(
                submission(customer, "NETWORK_SECURITY", Money.of("300000", "RUB"), LocalDate.parse("2027-01-01")),
                POLICY, CLOCK), RuleViolation.class);

        assertThat(rules(violation)).containsExactly("customer.taxId:CUSTOMER_IDENTIFIER_MISSING");
    }

    @Test
    void cannotAcceptAValueBelowTheLinesMinimumOrInACurrencyItIsNotRegisteredIn() {
        assertThat(rules(catchThrowableOfType(() -> SubmissionRules.validate(submission(ROMASHKA, "DATA_CENTER",
                Money.of("999999.99", "RUB"), LocalDate.parse("2027-01-01")), POLICY, CLOCK), RuleViolation.class)))
                .containsExactly("estimatedValue.amount:BELOW_MINIMUM_VALUE");
        assertThat(rules(catchThrowableOfType(() -> SubmissionRules.validate(submission(ROMASHKA, "DATA_CENTER",
                Money.of("99999999", "JPY"), LocalDate.parse("2027-01-01")), POLICY, CLOCK), RuleViolation.class)))
                .containsExactly("estimatedValue.currency:CURRENCY_NOT_ACCEPTED");
        assertThat(rules(catchThrowableOfType(() -> SubmissionRules.validate(submission(ROMASHKA, "DATA_CENTER",
                Money.of("1", "XXY"), LocalDate.parse("2027-01-01")), POLICY, CLOCK), RuleViolation.class)))
                .containsExactly("estimatedValue.currency:CURRENCY_UNKNOWN");
        assertThat(rules(catchThrowableOfType(() -> SubmissionRules.validate(submission(ROMASHKA, "DATA_CENTER",
                Money.of("0", "RUB"), LocalDate.parse("2027-01-01")), POLICY, CLOCK), RuleViolation.class)))
                .containsExactly("estimatedValue.amount:AMOUNT_NOT_POSITIVE");
    }

    @Test
    void cannotAcceptACloseDateBeyondThePolicysHorizon() {
        var violation = catchThrowableOfType(() -> SubmissionRules.validate(submission(ROMASHKA, "NETWORK_SECURITY",
                Money.of("300000", "RUB"), LocalDate.parse("2027-11-20")), POLICY, CLOCK), RuleViolation.class);

        assertThat(rules(violation)).containsExactly("expectedCloseDate:CLOSE_DATE_TOO_FAR");
    }

    @Test
    void canAcceptAnActivePartnerAuthorizedForTheLine() {
        SubmissionRules.requireEligible(new TestPartners(), "P-1", "NETWORK_SECURITY");
    }

    @Test
    void cannotAcceptAnUnknownSuspendedOrUnauthorizedPartner() {
        PartnerDirectory suspended = id -> Optional.of(new PartnerDirectory.RegisteredPartner(id, "S",
                PartnerTier.GOLD, List.of("NETWORK_SECURITY"), true));
        PartnerDirectory unauthorized = id -> Optional.of(new PartnerDirectory.RegisteredPartner(id, "U",
                PartnerTier.GOLD, List.of("COLLABORATION"), false));

        assertThat(refusal(new TestPartners().without("P-1"))).isEqualTo("FORBIDDEN PARTNER_UNKNOWN");
        assertThat(refusal(suspended)).isEqualTo("FORBIDDEN PARTNER_SUSPENDED");
        assertThat(refusal(unauthorized)).isEqualTo("FORBIDDEN PRODUCT_LINE_NOT_AUTHORIZED");
    }

    private static String refusal(PartnerDirectory partners) {
        var violation = catchThrowableOfType(
                () -> SubmissionRules.requireEligible(partners, "P-1", "NETWORK_SECURITY"), RuleViolation.class);
        return violation.kind() + " " + violation.code();
    }

}
