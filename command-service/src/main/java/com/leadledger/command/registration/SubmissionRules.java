package com.leadledger.command.registration;

import com.leadledger.command.partner.PartnerDirectory;
import com.leadledger.command.policy.PublishedPolicy;
import com.leadledger.events.common.Money;
import com.leadledger.events.customer.CustomerIdentity;
import com.leadledger.events.customer.Domains;
import com.leadledger.events.customer.InvalidIdentifierException;
import com.leadledger.events.customer.TaxIds;
import com.leadledger.events.policy.PolicyDocument;
import com.leadledger.kit.domain.FieldProblem;
import com.leadledger.kit.domain.RuleViolation;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.UnaryOperator;

import static com.leadledger.kit.domain.RuleViolation.Kind.FORBIDDEN;

/**
 * The rules a registration must meet before it reaches its opportunity: identifiers that normalize (with check
 * digits), a product line and currency the policy in force knows, a value at or above the line's minimum, a close
 * date in the future within the policy's horizon (all failing fields reported together), and a partner that is
 * registered, not suspended and authorized for the product line. Nothing is recorded when one fails.
 */
final class SubmissionRules {

    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    private SubmissionRules() {
    }

    /** A submission whose fields passed: the customer normalized, optional texts stripped. */
    record ValidSubmission(CustomerIdentity customer, String productLine, Money estimatedValue,
                           LocalDate expectedCloseDate, String description) {
    }

    static ValidSubmission validate(SubmitRegistration submission, PublishedPolicy published, Clock clock) {
        requireMembers(submission);
        PolicyDocument policy = published.policy();
        List<FieldProblem> errors = new ArrayList<>();
        var customer = submission.customer();

        if (!COUNTRIES.contains(customer.country())) {
            errors.add(new FieldProblem("customer.country", "must be an ISO 3166-1 alpha-2 country code",
                    "COUNTRY_UNKNOWN"));
        }
        String taxId = normalizeOrReport(errors, "customer.taxId", customer.taxId(),
                raw -> TaxIds.normalize(customer.country(), raw));
        String domain = normalizeOrReport(errors, "customer.domain", customer.domain(), Domains::normalize);
        if (isBlank(customer.taxId()) && isBlank(customer.domain())) {
            errors.add(new FieldProblem("customer.taxId", "a tax id or a domain is required to identify the customer",
                    "CUSTOMER_IDENTIFIER_MISSING"));
        }

        String productLine = submission.productLine();
        if (!policy.offersProductLine(productLine)) {
            errors.add(new FieldProblem("productLine", "must be one of " + policy.productLines().keySet(),
                    "PRODUCT_LINE_UNKNOWN"));
        }
        checkValue(errors, submission.estimatedValue(), policy, productLine);
        checkCloseDate(errors, submission.expectedCloseDate(), policy, clock);

        if (!errors.isEmpty()) {
            throw RuleViolation.invalidFields("The registration has invalid fields; nothing was recorded.", errors);
        }
        return new ValidSubmission(
                new CustomerIdentity(customer.legalName().strip(), customer.country(), taxId, domain,
                        isBlank(customer.region()) ? null : customer.region().strip()),
                productLine, submission.estimatedValue(), submission.expectedCloseDate(),
                isBlank(submission.description()) ? null : submission.description().strip());
    }

    /** Every sender must fill what a registration cannot do without; the HTTP API checks these before. */
    private static void requireMembers(SubmitRegistration submission) {
        List<FieldProblem> missing = new ArrayList<>();
        var customer = submission.customer();
        required(missing, "customer", customer);
        required(missing, "customer.legalName", customer == null ? null : blankToNull(customer.legalName()));
        required(missing, "customer.country", customer == null ? null : customer.country());
        required(missing, "productLine", blankToNull(submission.productLine()));
        required(missing, "estimatedValue", submission.estimatedValue());
        required(missing, "expectedCloseDate", submission.expectedCloseDate());
        if (!missing.isEmpty()) {
            throw RuleViolation.invalidFields("The registration has invalid fields; nothing was recorded.", missing);
        }
    }

    private static void required(List<FieldProblem> missing, String field, Object value) {
        if (value == null) {
            missing.add(new FieldProblem(field, "is required"));
        }
    }

    private static String blankToNull(String text) {
        return isBlank(text) ? null : text;
    }

    /** Submission eligibility on the partner's side: known, not suspended, authorized for the product line. */
    static void requireEligible(PartnerDirectory partners, String partnerId, String productLine) {
        var partner = partners.find(partnerId).orElseThrow(() -> new RuleViolation(FORBIDDEN, "PARTNER_UNKNOWN",
                "Your partner account is not registered in the channel program."));
        if (partner.suspended()) {
            throw new RuleViolation(FORBIDDEN, "PARTNER_SUSPENDED",
                    "Your partner account is suspended and cannot submit registrations.");
        }
        if (!partner.productLines().contains(productLine)) {
            throw new RuleViolation(FORBIDDEN, "PRODUCT_LINE_NOT_AUTHORIZED",
                    "Your partner account is not authorized for product line " + productLine + ".");
        }
    }

    private static void checkValue(List<FieldProblem> errors, Money value, PolicyDocument policy,
                                   String productLine) {
        if (!Money.isIsoCurrency(value.currency())) {
            errors.add(new FieldProblem("estimatedValue.currency", "must be an ISO 4217 currency code",
                    "CURRENCY_UNKNOWN"));
            return;
        }
        if (value.amount().signum() <= 0) {
            errors.add(new FieldProblem("estimatedValue.amount", "must be greater than zero", "AMOUNT_NOT_POSITIVE"));
            return;
        }
        if (!policy.offersProductLine(productLine)) {
            return;
        }
        var minimum = policy.minimumValue(productLine, value.currency());
        if (minimum.isEmpty()) {
            errors.add(new FieldProblem("estimatedValue.currency", productLine + " is registered in "
                    + policy.productLines().get(productLine).minimumValue().keySet() + " only",
                    "CURRENCY_NOT_ACCEPTED"));
        } else if (value.amount().compareTo(minimum.get()) < 0) {
            errors.add(new FieldProblem("estimatedValue.amount", "must be at least " + minimum.get().toPlainString()
                    + " " + value.currency() + " for " + productLine, "BELOW_MINIMUM_VALUE"));
        }
    }

    private static void checkCloseDate(List<FieldProblem> errors, LocalDate closeDate, PolicyDocument policy,
                                       Clock clock) {
        LocalDate today = LocalDate.now(clock.withZone(ZoneId.of(policy.calendar().timeZone())));
        if (!closeDate.isAfter(today)) {
            errors.add(new FieldProblem("expectedCloseDate", "must be in the future", "CLOSE_DATE_NOT_FUTURE"));
        } else if (closeDate.isAfter(today.plusMonths(policy.maxCloseDateMonths()))) {
            errors.add(new FieldProblem("expectedCloseDate", "must be within " + policy.maxCloseDateMonths()
                    + " months from today", "CLOSE_DATE_TOO_FAR"));
        }
    }

    private static String normalizeOrReport(List<FieldProblem> errors, String field, String raw,
                                            UnaryOperator<String> normalizer) {
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
