package com.leadledger.query.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.Collection;
import java.util.List;

/**
 * The statistics the reports print, as pure functions. Definitions (docs/reports.md):
 * <ul>
 *   <li>median: of the values sorted ascending, the middle one; for an even count the mean of the two middle ones;</li>
 *   <li>p90: nearest rank, the value at rank ceil(0.9 × n) (1-based) of the values sorted ascending;</li>
 *   <li>share: part ÷ whole, four decimals, half-up.</li>
 * </ul>
 * Each is null when there is nothing to compute it from (no values, a whole of zero).
 */
final class Statistics {

    static final int SHARE_SCALE = 4;
    static final int HOURS_SCALE = 2;

    private Statistics() {
    }

    static BigDecimal median(Collection<BigDecimal> values) {
        if (values.isEmpty()) {
            return null;
        }
        List<BigDecimal> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        if (n % 2 == 1) {
            return sorted.get(n / 2);
        }
        return sorted.get(n / 2 - 1).add(sorted.get(n / 2)).divide(BigDecimal.valueOf(2));
    }

    static BigDecimal p90(Collection<BigDecimal> values) {
        if (values.isEmpty()) {
            return null;
        }
        List<BigDecimal> sorted = values.stream().sorted().toList();
        int rank = (int) Math.ceil(0.9 * sorted.size());
        return sorted.get(Math.max(rank, 1) - 1);
    }

    static BigDecimal share(long part, long whole) {
        if (whole == 0) {
            return null;
        }
        return BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), SHARE_SCALE, RoundingMode.HALF_UP);
    }

    /** A duration in hours, two decimals, half-up. */
    static BigDecimal hours(Duration duration) {
        return BigDecimal.valueOf(duration.toMillis())
                .divide(BigDecimal.valueOf(Duration.ofHours(1).toMillis()), HOURS_SCALE, RoundingMode.HALF_UP);
    }

    /** The value rounded for printing (median of an even count may carry one more decimal). */
    static BigDecimal scaled(BigDecimal value, int scale) {
        return value == null ? null : value.setScale(scale, RoundingMode.HALF_UP);
    }
}
