package com.leadledger.command.registration;

import com.leadledger.command.policy.PublishedPolicy;
import com.leadledger.events.common.Money;
import com.leadledger.events.customer.CustomerIdentity;
import com.leadledger.events.customer.Domains;
import com.leadledger.events.customer.InvalidIdentifierException;
import com.leadledger.events.customer.TaxIds;
import com.leadledger.events.policy.PolicyDocument;
import com.leadledger.kit.domain.RuleViolation;
import com.leadledger.kit.domain.FieldProblem;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The rules a registration must meet before it reaches its opportunity: identifiers that normalize (with check
 * digits), a product line and currency the policy in force knows, a value at or above the line's minimum and a close
 * date in the future within the policy's horizon. All failing fields are reported together; nothing is recorded.
 */
@Component
class RegistrationRequestValidator {

    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    private final Clock clock;

    RegistrationRequestValidator(Clock clock) {
        this.clock = clock;
    }

    record ValidRegistration(CustomerIdentity customer, String productLine, Money estimatedValue,
                             LocalDate expectedCloseDate, String description) {
    }

    ValidRegistration validate(SubmitRegistrationRequest request, PublishedPolicy published) {
        PolicyDocument policy = published.policy();
        List<FieldProblem> errors = new ArrayList<>();
        var customer = request.customer();

        if (!COUNTRIES.contains(customer.country())) {
            errors.add(new FieldProblem("customer.country", "must be an ISO 3166-1 alpha-2 country code", "COUNTRY_UNKNOWN"));
        }
        String taxId = normalizeOrReport(errors, "customer.taxId", customer.taxId(),
                raw -> TaxIds.normalize(customer.country(), raw));
        String domain = normalizeOrReport(errors, "customer.domain", customer.domain(), Domains::normalize);
        if (isBlank(customer.taxId()) && isBlank(customer.domain())) {
            errors.add(new FieldProblem("customer.taxId", "a tax id or a domain is required to identify the customer",
                    "CUSTOMER_IDENTIFIER_MISSING"));
        }

        String productLine = request.productLine();
        if (!policy.offersProductLine(productLine)) {
            errors.add(new FieldProblem("productLine", "must be one of " + policy.productLines().keySet(),
                    "PRODUCT_LINE_UNKNOWN"));
        }
        Money value = checkValue(errors, request.estimatedValue(), policy, productLine);
        checkCloseDate(errors, request.expectedCloseDate(), policy);

        if (!errors.isEmpty()) {
            throw RuleViolation.invalidFields("The registration has invalid fields; nothing was recorded.", errors);
        }
        return new ValidRegistration(
                new CustomerIdentity(customer.legalName().strip(), customer.country(), taxId, domain,
                        isBlank(customer.region()) ? null : customer.region().strip()),
                productLine, value, request.expectedCloseDate(),
                isBlank(request.description()) ? null : request.description().strip());
    }

    private Money checkValue(List<FieldProblem> errors, SubmitRegistrationRequest.Amount amount,
                             PolicyDocument policy, String productLine) {
        Money value = new Money(new BigDecimal(amount.amount()), amount.currency());
        if (!Money.isIsoCurrency(amount.currency())) {
            errors.add(new FieldProblem("estimatedValue.currency", "must be an ISO 4217 currency code",
                    "CURRENCY_UNKNOWN"));
            return value;
        }
        if (value.amount().signum() <= 0) {
            errors.add(new FieldProblem("estimatedValue.amount", "must be greater than zero", "AMOUNT_NOT_POSITIVE"));
            return value;
        }
        if (!policy.offersProductLine(productLine)) {
            return value;
        }
        var minimum = policy.minimumValue(productLine, amount.currency());
        if (minimum.isEmpty()) {
            errors.add(new FieldProblem("estimatedValue.currency", productLine + " is registered in "
                    + policy.productLines().get(productLine).minimumValue().keySet() + " only",
                    "CURRENCY_NOT_ACCEPTED"));
        } else if (value.amount().compareTo(minimum.get()) < 0) {
            errors.add(new FieldProblem("estimatedValue.amount", "must be at least " + minimum.get().toPlainString()
                    + " " + amount.currency() + " for " + productLine, "BELOW_MINIMUM_VALUE"));
        }
        return value;
    }

    private void checkCloseDate(List<FieldProblem> errors, LocalDate closeDate, PolicyDocument policy) {
        LocalDate today = LocalDate.now(clock.withZone(ZoneId.of(policy.calendar().timeZone())));
        if (!closeDate.isAfter(today)) {
            errors.add(new FieldProblem("expectedCloseDate", "must be in the future", "CLOSE_DATE_NOT_FUTURE"));
        } else if (closeDate.isAfter(today.plusMonths(policy.maxCloseDateMonths()))) {
            errors.add(new FieldProblem("expectedCloseDate", "must be within " + policy.maxCloseDateMonths()
                    + " months from today", "CLOSE_DATE_TOO_FAR"));
        }
    }

    private static String normalizeOrReport(List<FieldProblem> errors, String field, String raw,
                                            java.util.function.UnaryOperator<String> normalizer) {
        if (isBlank(raw)) {
            return null;
        }
        try {
            return normalizer.apply(raw);
        } catch (InvalidIdentifierException e) {
            errors.add(new FieldProblem(field, e.getMessage(), e.code()));
            return null;
        }
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
