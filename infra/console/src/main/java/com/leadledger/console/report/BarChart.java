package com.leadledger.console.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * A horizontal bar chart laid out for SVG: one bar per labelled value, scaled to the largest value. A missing value
 * draws no bar. Pure geometry; the page draws it.
 */
public record BarChart(int width, int height, List<Bar> bars) {

    static final int LABEL_WIDTH = 240;
    static final int BAR_AREA = 320;
    static final int BAR_HEIGHT = 22;
    static final int GAP = 8;
    static final int WIDTH = LABEL_WIDTH + BAR_AREA + 90;

    /** One bar: its label and printed value, where the bar starts, its length and its row's text baseline. */
    public record Bar(String label, String value, int x, int y, int length, int textY) {
    }

    /** A value to chart under a label; null when there is none. */
    record Point(String label, BigDecimal value) {
    }

    static BarChart of(List<Point> points) {
        BigDecimal max = points.stream().map(Point::value).filter(v -> v != null && v.signum() > 0)
                .max(BigDecimal::compareTo).orElse(BigDecimal.ONE);
        List<Bar> bars = new ArrayList<>();
        for (int i = 0; i < points.size(); i++) {
            Point point = points.get(i);
            int y = i * (BAR_HEIGHT + GAP);
            int length = point.value() == null || point.value().signum() <= 0 ? 0
                    : point.value().multiply(BigDecimal.valueOf(BAR_AREA)).divide(max, 0, RoundingMode.HALF_UP)
                    .intValue();
            bars.add(new Bar(point.label(), point.value() == null ? "–" : point.value().stripTrailingZeros()
                    .toPlainString(), LABEL_WIDTH, y, length, y + BAR_HEIGHT - 6));
        }
        return new BarChart(WIDTH, Math.max(points.size() * (BAR_HEIGHT + GAP), BAR_HEIGHT), List.copyOf(bars));
    }
}
