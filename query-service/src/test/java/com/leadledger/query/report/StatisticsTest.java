package com.leadledger.query.report;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class StatisticsTest {

    private static List<BigDecimal> values(int... values) {
        return IntStream.of(values).mapToObj(BigDecimal::valueOf).toList();
    }

    @Test
    void medianOfAnOddCountIsTheMiddleValue() {
        assertThat(Statistics.median(values(9, 1, 5))).isEqualByComparingTo("5");
    }

    @Test
    void medianOfAnEvenCountIsTheMeanOfTheTwoMiddleValues() {
        assertThat(Statistics.median(values(4, 1, 3, 10))).isEqualByComparingTo("3.5");
    }

    @Test
    void p90IsTheNearestRankValue() {
        assertThat(Statistics.p90(values(1, 2, 3, 4, 5, 6, 7, 8, 9, 10))).isEqualByComparingTo("9");
        assertThat(Statistics.p90(values(10, 1, 2, 3, 4, 5, 6, 7, 8, 9, 11))).isEqualByComparingTo("10");
        assertThat(Statistics.p90(values(30, 4))).isEqualByComparingTo("30");
        assertThat(Statistics.p90(values(7))).isEqualByComparingTo("7");
    }

    @Test
    void nothingToComputeFromGivesNoFigure() {
        assertThat(Statistics.median(List.of())).isNull();
        assertThat(Statistics.p90(List.of())).isNull();
        assertThat(Statistics.share(0, 0)).isNull();
    }

    @Test
    void sharesHaveFourDecimalsRoundedHalfUp() {
        assertThat(Statistics.share(1, 3)).isEqualTo(new BigDecimal("0.3333"));
        assertThat(Statistics.share(2, 3)).isEqualTo(new BigDecimal("0.6667"));
        assertThat(Statistics.share(3, 3)).isEqualTo(new BigDecimal("1.0000"));
    }

    @Test
    void hoursHaveTwoDecimals() {
        assertThat(Statistics.hours(Duration.ofMinutes(90))).isEqualTo(new BigDecimal("1.50"));
        assertThat(Statistics.hours(Duration.ofSeconds(20))).isEqualTo(new BigDecimal("0.01"));
    }
}
