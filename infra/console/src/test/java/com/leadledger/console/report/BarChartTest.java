package com.leadledger.console.report;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class BarChartTest {

    @Test
    void barsAreScaledToTheLargestValueOneRowEach() {
        BarChart chart = BarChart.of(List.of(new BarChart.Point("a", new BigDecimal("2")),
                new BarChart.Point("b", new BigDecimal("4.00")), new BarChart.Point("c", null)));
        assertThat(chart.bars()).extracting(BarChart.Bar::length)
                .containsExactly(BarChart.BAR_AREA / 2, BarChart.BAR_AREA, 0);
        assertThat(chart.bars()).extracting(BarChart.Bar::value).containsExactly("2", "4", "–");
        assertThat(chart.bars()).extracting(BarChart.Bar::y)
                .containsExactly(0, BarChart.BAR_HEIGHT + BarChart.GAP, 2 * (BarChart.BAR_HEIGHT + BarChart.GAP));
        assertThat(chart.height()).isEqualTo(3 * (BarChart.BAR_HEIGHT + BarChart.GAP));
    }

    @Test
    void onlyZerosDrawNoBars() {
        BarChart chart = BarChart.of(List.of(new BarChart.Point("a", BigDecimal.ZERO)));
        assertThat(chart.bars()).singleElement().satisfies(bar -> {
            assertThat(bar.length()).isZero();
            assertThat(bar.value()).isEqualTo("0");
        });
    }
}
