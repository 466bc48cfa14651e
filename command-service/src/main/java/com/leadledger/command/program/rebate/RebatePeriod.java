package com.leadledger.command.program.rebate;

import com.leadledger.events.policy.RebateRules;
import com.leadledger.kit.domain.FieldProblem;
import com.leadledger.kit.domain.RuleViolation;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An accrual period: a quarter ({@code 2026-Q4}) or a year ({@code 2026}), as dates; its instants follow the policy's
 * time zone.
 */
record RebatePeriod(String name, RebateRules.Accrual accrual, LocalDate firstDay, LocalDate dayAfter) {

    private static final Pattern FORMAT = Pattern.compile("(\\d{4})(?:-Q([1-4]))?");

    /** Parses {@code 2026-Q4} or {@code 2026}; anything else is refused naming the field {@code period}. */
    static RebatePeriod parse(String text) {
        Matcher m = FORMAT.matcher(text == null ? "" : text);
        if (!m.matches() || Integer.parseInt(m.group(1)) < 2000) {
            throw RuleViolation.invalidFields("Unknown rebate period " + text, List.of(new FieldProblem("period",
                    "must be a quarter like 2026-Q4 or a year like 2026", "REBATE_PERIOD_INVALID")));
        }
        int year = Integer.parseInt(m.group(1));
        if (m.group(2) == null) {
            return new RebatePeriod(text, RebateRules.Accrual.ANNUAL, LocalDate.of(year, 1, 1),
                    LocalDate.of(year + 1, 1, 1));
        }
        LocalDate first = LocalDate.of(year, (Integer.parseInt(m.group(2)) - 1) * 3 + 1, 1);
        return new RebatePeriod(text, RebateRules.Accrual.QUARTERLY, first, first.plusMonths(3));
    }

    /** The period of the given kind that contains the day. */
    static RebatePeriod containing(LocalDate day, RebateRules.Accrual accrual) {
        return parse(accrual == RebateRules.Accrual.ANNUAL ? String.valueOf(day.getYear())
                : day.getYear() + "-Q" + ((day.getMonthValue() - 1) / 3 + 1));
    }

    /** The same period one year earlier. */
    RebatePeriod lastYear() {
        return parse(accrual == RebateRules.Accrual.ANNUAL ? String.valueOf(firstDay.getYear() - 1)
                : (firstDay.getYear() - 1) + name.substring(4));
    }

    /** The period just before this one. */
    RebatePeriod previous() {
        return containing(firstDay.minusDays(1), accrual);
    }

    /** The period that follows this one. */
    RebatePeriod next() {
        return containing(dayAfter, accrual);
    }

    Instant start(ZoneId zone) {
        return firstDay.atStartOfDay(zone).toInstant();
    }

    Instant end(ZoneId zone) {
        return dayAfter.atStartOfDay(zone).toInstant();
    }

    /** The aggregate id of a partner's rebate for this period; the prefix keeps it apart from every other id. */
    String rebateId(String partnerId) {
        return "rebate:" + partnerId + ":" + name;
    }
}
