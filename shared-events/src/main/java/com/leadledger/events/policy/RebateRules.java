package com.leadledger.events.policy;

import java.math.BigDecimal;
import java.util.List;
import java.util.SortedMap;

/**
 * The rebate schedule: brackets on a partner's won volume in an accrual period, per product line, with separate
 * brackets for the season months and the rest of the year (the off-season).
 *
 * <p>Each bracket starts at a percentage of the partner's baseline, which is its won volume in the same period (and
 * the same season part) of the previous year, or the line's {@code minimumBaseline} when last year's volume is lower
 * (so a partner without last year's volume, or with a very small one, is measured against the minimum). The first
 * bracket starts at 100 % of the baseline, so volume up to last year's earns nothing; each bracket ends where the
 * next one starts, and the last one is open-ended ("more than …"). A bracket's rate applies only to the part of the
 * volume inside that bracket (marginal, like tax brackets), never to the whole volume.
 *
 * @param accrual                  how often rebates accrue: {@code QUARTERLY} (periods like {@code 2026-Q4}) or
 *                                 {@code ANNUAL} (periods like {@code 2026}); periods follow the policy's time zone
 * @param seasonMonths             the months of the year (1–12) whose won volume counts against the season brackets
 * @param annualPayoutInstallments an annual rebate is paid in this many equal parts spread evenly over the next year
 *                                 (1, 2, 3, 4, 6 or 12); a quarterly one is paid at once after its quarter
 * @param productLines             the schedule of each product line that earns rebates; other lines earn none
 */
public record RebateRules(Accrual accrual, List<Integer> seasonMonths, Integer annualPayoutInstallments,
                          SortedMap<String, LineSchedule> productLines) {

    public enum Accrual { QUARTERLY, ANNUAL }

    /**
     * One product line's brackets.
     *
     * @param minimumBaseline the baseline, in the program currency per accrual period and season part, when last
     *                        year's volume is lower (in particular when it is zero); more than zero
     */
    public record LineSchedule(BigDecimal minimumBaseline, List<Bracket> season, List<Bracket> offSeason) {
    }

    /** A bracket from {@code fromPercent} of the baseline up to the next bracket's start, paying {@code ratePercent}. */
    public record Bracket(BigDecimal fromPercent, BigDecimal ratePercent) {
    }
}
