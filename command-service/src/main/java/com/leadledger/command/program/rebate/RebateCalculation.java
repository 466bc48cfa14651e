package com.leadledger.command.program.rebate;

import com.leadledger.events.policy.RebateRules;
import com.leadledger.events.program.RebateAccrued;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The pure bracket arithmetic of {@link RebateRules}: a part's volume is cut at the brackets' thresholds (percentages
 * of the baseline, the larger of last year's volume and the line's minimum), each slice earns its own bracket's rate,
 * and each bracket's amount is rounded to cents (half up).
 */
final class RebateCalculation {

    /** A won deal as the rebate counts it: its line, the day it was won (policy time zone) and its program value. */
    record WonVolume(String productLine, LocalDate wonOn, BigDecimal value) {
    }

    record Result(List<RebateAccrued.LineAccrual> lines, BigDecimal volume, BigDecimal lastYearVolume,
                  BigDecimal amount) {
    }

    private RebateCalculation() {
    }

    /** The rebate of the lines in the schedule, from this period's and the same period's last-year volumes. */
    static Result compute(RebateRules rules, List<WonVolume> period, List<WonVolume> lastYear) {
        List<RebateAccrued.LineAccrual> lines = new ArrayList<>();
        BigDecimal volume = BigDecimal.ZERO;
        BigDecimal lastYearVolume = BigDecimal.ZERO;
        BigDecimal amount = BigDecimal.ZERO;
        for (Map.Entry<String, RebateRules.LineSchedule> entry : rules.productLines().entrySet()) {
            String line = entry.getKey();
            RebateRules.LineSchedule schedule = entry.getValue();
            BigDecimal season = sum(period, line, rules, true);
            BigDecimal offSeason = sum(period, line, rules, false);
            BigDecimal seasonLastYear = sum(lastYear, line, rules, true);
            BigDecimal offSeasonLastYear = sum(lastYear, line, rules, false);
            if (season.add(offSeason).add(seasonLastYear).add(offSeasonLastYear).signum() == 0) {
                continue;
            }
            RebateAccrued.Part seasonPart = part(season, seasonLastYear, schedule.minimumBaseline(),
                    schedule.season());
            RebateAccrued.Part offSeasonPart = part(offSeason, offSeasonLastYear, schedule.minimumBaseline(),
                    schedule.offSeason());
            BigDecimal lineAmount = seasonPart.amount().add(offSeasonPart.amount());
            lines.add(new RebateAccrued.LineAccrual(line, seasonPart, offSeasonPart, lineAmount));
            volume = volume.add(season).add(offSeason);
            lastYearVolume = lastYearVolume.add(seasonLastYear).add(offSeasonLastYear);
            amount = amount.add(lineAmount);
        }
        return new Result(List.copyOf(lines), volume, lastYearVolume, amount.setScale(2, RoundingMode.HALF_UP));
    }

    /** One season part: its volume cut at the brackets, each slice at its own rate. */
    static RebateAccrued.Part part(BigDecimal volume, BigDecimal lastYearVolume, BigDecimal minimumBaseline,
                                   List<RebateRules.Bracket> brackets) {
        BigDecimal baseline = lastYearVolume.max(minimumBaseline);
        List<RebateAccrued.AppliedBracket> applied = new ArrayList<>();
        BigDecimal amount = BigDecimal.ZERO.setScale(2, RoundingMode.HALF_UP);
        for (int i = 0; i < brackets.size(); i++) {
            RebateRules.Bracket bracket = brackets.get(i);
            BigDecimal from = percentOf(baseline, bracket.fromPercent());
            BigDecimal to = i + 1 < brackets.size() ? percentOf(baseline, brackets.get(i + 1).fromPercent()) : null;
            BigDecimal inside = (to == null ? volume : volume.min(to)).subtract(from).max(BigDecimal.ZERO);
            BigDecimal earned = percentOf(inside, bracket.ratePercent()).setScale(2, RoundingMode.HALF_UP);
            applied.add(new RebateAccrued.AppliedBracket(bracket.fromPercent(), from, to, bracket.ratePercent(),
                    inside, earned));
            amount = amount.add(earned);
        }
        return new RebateAccrued.Part(volume, lastYearVolume, baseline, List.copyOf(applied), amount);
    }

    /**
     * When the rebate is paid: a quarter's at once on the day after the quarter; a year's in equal parts over the next
     * year, the first on its first day, the last part taking the rounding remainder.
     */
    static List<RebateAccrued.Payout> payouts(RebateRules rules, RebatePeriod period, BigDecimal amount) {
        if (period.accrual() == RebateRules.Accrual.QUARTERLY) {
            return List.of(new RebateAccrued.Payout(period.dayAfter(), amount));
        }
        int parts = rules.annualPayoutInstallments();
        BigDecimal part = amount.divide(BigDecimal.valueOf(parts), 2, RoundingMode.DOWN);
        List<RebateAccrued.Payout> payouts = new ArrayList<>();
        for (int i = 0; i < parts; i++) {
            BigDecimal due = i + 1 < parts ? part : amount.subtract(part.multiply(BigDecimal.valueOf(parts - 1L)));
            payouts.add(new RebateAccrued.Payout(period.dayAfter().plusMonths((long) i * 12 / parts), due));
        }
        return List.copyOf(payouts);
    }

    private static BigDecimal sum(List<WonVolume> deals, String line, RebateRules rules, boolean season) {
        return deals.stream()
                .filter(d -> d.productLine().equals(line))
                .filter(d -> rules.seasonMonths().contains(d.wonOn().getMonthValue()) == season)
                .map(WonVolume::value)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static BigDecimal percentOf(BigDecimal value, BigDecimal percent) {
        BigDecimal exact = value.multiply(percent).movePointLeft(2).stripTrailingZeros();
        return exact.scale() < 0 ? exact.setScale(0) : exact;
    }
}
