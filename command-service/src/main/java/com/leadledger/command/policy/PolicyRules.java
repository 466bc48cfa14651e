package com.leadledger.command.policy;

import com.leadledger.events.common.Money;
import com.leadledger.events.policy.PolicyDocument;
import com.leadledger.events.policy.RebateRules;
import com.leadledger.kit.domain.FieldProblem;
import com.leadledger.kit.domain.RuleViolation;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static com.leadledger.command.policy.PolicyFieldChecks.percent;
import static com.leadledger.command.policy.PolicyFieldChecks.range;

/** A policy is published only when complete and sensible; every problem is reported with its field path. */
final class PolicyRules {


    private final List<FieldProblem> errors = new ArrayList<>();

    /** Refuses an incomplete or senseless policy, naming every failing field; nothing is published then. */
    static void requireValid(PolicyDocument policy, List<String> tiersInForce) {
        requireValid(policy, tiersInForce, null);
    }

    /** The same, for a version replacing one whose rebates accrued as {@code accrualInForce} (null: none). */
    static void requireValid(PolicyDocument policy, List<String> tiersInForce, RebateRules.Accrual accrualInForce) {
        List<FieldProblem> problems = new ArrayList<>(problemsOf(policy, tiersInForce));
        problems.addAll(RebatePolicyRules.accrualChangeProblems(accrualInForce, policy));
        if (!problems.isEmpty()) {
            throw RuleViolation.invalidFields("The policy is incomplete or invalid; nothing was published.", problems);
        }
    }

    /** The problems of {@code policy} replacing a version whose tiers were {@code tiersInForce} (none: the first). */
    static List<FieldProblem> problemsOf(PolicyDocument policy, List<String> tiersInForce) {
        PolicyRules rules = new PolicyRules();
        rules.check(policy, tiersInForce);
        return rules.errors;
    }

    private void check(PolicyDocument p, List<String> tiersInForce) {
        if (p.productLines() == null || p.productLines().isEmpty()) {
            add("productLines", "must list at least one product line");
        } else {
            p.productLines().forEach(this::checkProductLine);
        }
        errors.addAll(TierPolicyRules.problemsOf(p, tiersInForce));
        range(errors, "reviewSlaBusinessDays", p.reviewSlaBusinessDays(), 1, 60);
        if (p.disputeSlaBusinessDays() == null || p.disputeSlaBusinessDays().size() != 3) {
            add("disputeSlaBusinessDays", "must give the SLA of levels 1, 2 and 3");
        } else {
            for (int i = 0; i < 3; i++) {
                Integer days = p.disputeSlaBusinessDays().get(i);
                range(errors, "disputeSlaBusinessDays[" + i + "]", days == null ? 0 : days, 1, 60);
            }
        }
        if (p.extension() == null) {
            add("extension", "is required");
        } else {
            range(errors, "extension.maxCount", p.extension().maxCount(), 0, 10);
            range(errors, "extension.maxDays", p.extension().maxDays(), 1, 365);
        }
        range(errors, "appealWindowDays", p.appealWindowDays(), 1, 365);
        range(errors, "maxCloseDateMonths", p.maxCloseDateMonths(), 1, 60);
        checkCalendar(p.calendar());
        if (p.expiryReminderBusinessDays() != null) {
            range(errors, "expiryReminderBusinessDays", p.expiryReminderBusinessDays(), 1, 60);
        }
        if (p.earlyRegistrationDropThreshold() != null && (p.earlyRegistrationDropThreshold().signum() <= 0
                || p.earlyRegistrationDropThreshold().compareTo(BigDecimal.ONE) > 0)) {
            add("earlyRegistrationDropThreshold", "must be more than 0 and at most 1 (a share, 0.20 = 20 points)");
        }
        range(errors, "limits.resubmissionsPerOpportunityPerDay", p.limits().resubmissionsPerOpportunityPerDay(), 1,
                100);
        range(errors, "limits.evidencePerPartyPerDispute", p.limits().evidencePerPartyPerDispute(), 1, 1000);
        errors.addAll(PointsPolicyRules.problemsOf(p.program()));
        errors.addAll(RebatePolicyRules.problemsOf(p));
    }

    private void checkProductLine(String name, PolicyDocument.ProductLineRule rule) {
        String path = "productLines." + name;
        if (!name.matches("[A-Z][A-Z0-9_]{1,63}")) {
            add(path, "product line names are upper-case letters, digits and '_'");
        }
        if (rule == null) {
            add(path + ".minimumValue", "must give a minimum for at least one currency");
            return;
        }
        checkPriceFloor(path + ".priceFloor", rule.priceFloor());
        if (rule.minimumValue() == null || rule.minimumValue().isEmpty()) {
            add(path + ".minimumValue", "must give a minimum for at least one currency");
            return;
        }
        for (Map.Entry<String, BigDecimal> minimum : rule.minimumValue().entrySet()) {
            String currencyPath = path + ".minimumValue." + minimum.getKey();
            if (!Money.isIsoCurrency(minimum.getKey())) {
                add(currencyPath, "is not an ISO 4217 currency code");
            }
            if (minimum.getValue() == null || minimum.getValue().signum() < 0) {
                add(currencyPath, "must be zero or more");
            }
        }
    }

    /** A floor is optional; when given, it is either a maximum discount or a minimum share, in percent. */
    private void checkPriceFloor(String path, PolicyDocument.PriceFloor floor) {
        if (floor == null) {
            return;
        }
        boolean byDiscount = floor.maxDiscountPercent() != null;
        boolean byShare = floor.minShareOfRegisteredPercent() != null;
        if (byDiscount == byShare) {
            add(path, "must give exactly one of maxDiscountPercent and minShareOfRegisteredPercent");
            return;
        }
        String field = byDiscount ? "maxDiscountPercent" : "minShareOfRegisteredPercent";
        BigDecimal percent = byDiscount ? floor.maxDiscountPercent() : floor.minShareOfRegisteredPercent();
        percent(errors, path + "." + field, percent);
    }

    private void checkCalendar(PolicyDocument.BusinessCalendar calendar) {
        if (calendar == null) {
            add("calendar", "is required");
            return;
        }
        try {
            ZoneId.of(calendar.timeZone() == null ? "" : calendar.timeZone());
        } catch (DateTimeException e) {
            add("calendar.timeZone", "must be an IANA time zone such as Europe/Moscow");
        }
        if (calendar.holidays() == null) {
            add("calendar.holidays", "is required (may be empty)");
        }
        List<LocalDate> extraWorkingDays = calendar.extraWorkingDays();
        for (int i = 0; i < extraWorkingDays.size(); i++) {
            LocalDate day = extraWorkingDays.get(i);
            String field = "calendar.extraWorkingDays[" + i + "]";
            if (day == null || !isWeekend(day)) {
                add(field, "must be a Saturday or a Sunday (only a weekend day can be made a working day)");
            } else if (calendar.holidays() != null && calendar.holidays().contains(day)) {
                add(field, "is also listed as a holiday");
            }
        }
    }

    private static boolean isWeekend(LocalDate day) {
        return day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
    }

    private void add(String field, String message) {
        PolicyFieldChecks.add(errors, field, message);
    }
}
