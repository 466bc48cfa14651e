package com.leadledger.bench;

import java.util.Arrays;
import java.util.List;

/** Percentiles (nearest rank) and medians; nothing here is ever asserted against a target. */
final class Stats {

    private Stats() {
    }

    /** Nearest-rank percentile of the values, q in (0, 100]. NaN when there are none. */
    static double percentile(long[] values, double q) {
        if (values.length == 0) {
            return Double.NaN;
        }
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(q / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    static double percentileMs(long[] nanos, double q) {
        return percentile(nanos, q) / 1e6;
    }

    static double median(List<Double> values) {
        double[] v = values.stream().filter(d -> !Double.isNaN(d)).mapToDouble(Double::doubleValue).sorted().toArray();
        if (v.length == 0) {
            return Double.NaN;
        }
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    static double round(double value, int digits) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return value;
        }
        double f = Math.pow(10, digits);
        return Math.round(value * f) / f;
    }
}
