package com.leadledger.command.program.rebate;

import com.leadledger.command.policy.TestPolicies;
import com.leadledger.events.policy.RebateRules;
import com.leadledger.events.program.RebateAccrued;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RebateCalculationTest {

    /** The default policy: NETWORK_SECURITY off-season 100 % → 3 %, 120 % → 5 %, 150 % → 7 %, 200 % and more → 9 %. */
    private static final RebateRules DEFAULT = TestPolicies.defaultDocument().program().rebates();
    private static final RebateRules.LineSchedule NETWORK = DEFAULT.productLines().get("NETWORK_SECURITY");

    @Test
    void aVolumeCrossingTwoBracketsEarnsEachBracketsRateOnlyOnItsOwnSlice() {
        // baseline 4 000 000 (last year's, above the 3 000 000 minimum): brackets start at 4.0 M, 4.8 M, 6.0 M, 8.0 M
        // 6 500 000 = 800 000 at 3 % (24 000) + 1 200 000 at 5 % (60 000) + 500 000 at 7 % (35 000) = 119 000
        RebateAccrued.Part part = RebateCalculation.part(bd("6500000"), bd("4000000"), NETWORK.minimumBaseline(),
                NETWORK.offSeason());

        assertThat(part.baseline()).isEqualByComparingTo("4000000");
        assertThat(part.brackets()).extracting(b -> b.from().toPlainString())
                .containsExactly("4000000", "4800000", "6000000", "8000000");
        assertThat(part.brackets().get(3).to()).as("the last bracket is open-ended").isNull();
        assertThat(part.brackets()).extracting(b -> b.volumeInBracket().toPlainString())
                .containsExactly("800000", "1200000", "500000", "0");
        assertThat(part.brackets()).extracting(b -> b.amount().toPlainString())
                .containsExactly("24000.00", "60000.00", "35000.00", "0.00");
        assertThat(part.amount()).isEqualByComparingTo("119000");
    }

    @Test
    void eachBracketsAmountIsRoundedToCentsHalfUpBeforeTheyAreAdded() {
        // baseline 4 000 000: 800 000 at 3 % (24 000.00) and 2.50 at 5 % = 0.125, half up 0.13 (half even: 0.12)
        RebateAccrued.Part part = RebateCalculation.part(bd("4800002.50"), bd("4000000"), NETWORK.minimumBaseline(),
                NETWORK.offSeason());
        assertThat(part.brackets()).extracting(b -> b.amount().toPlainString())
                .containsExactly("24000.00", "0.13", "0.00", "0.00");
        assertThat(part.amount().toPlainString()).isEqualTo("24000.13");

        // 1.50 at 3 % = 0.045: half up 0.05 (half even and down: 0.04)
        RebateAccrued.Part small = RebateCalculation.part(bd("4000001.50"), bd("4000000"), NETWORK.minimumBaseline(),
                NETWORK.offSeason());
        assertThat(small.brackets().get(0).amount().toPlainString()).isEqualTo("0.05");
        assertThat(small.amount().toPlainString()).isEqualTo("0.05");

        // 0.10 at 3 % = 0.003: rounds down to 0.00, half up only from half a cent
        RebateAccrued.Part tiny = RebateCalculation.part(bd("4000000.10"), bd("4000000"), NETWORK.minimumBaseline(),
                NETWORK.offSeason());
        assertThat(tiny.amount().toPlainString()).isEqualTo("0.00");
    }

    @Test
    void theRebateIsTheSumOfTheRoundedBracketAmountsOfEveryLineAndPart() {
        // no volume last year, so the 3 000 000 minimum is the baseline of both parts; October is a season month:
        // 2.25 at the season's 2 % = 0.045 -> 0.05, and 1.50 at the off-season's 3 % = 0.045 -> 0.05: 0.10 in all
        // (rounding only the total would give 0.09)
        RebateCalculation.Result result = RebateCalculation.compute(DEFAULT,
                List.of(won("NETWORK_SECURITY", "2026-10-05", "3000002.25"),
                        won("NETWORK_SECURITY", "2026-09-05", "3000001.50")), List.of());

        RebateAccrued.LineAccrual line = result.lines().get(0);
        assertThat(line.season().amount().toPlainString()).isEqualTo("0.05");
        assertThat(line.offSeason().amount().toPlainString()).isEqualTo("0.05");
        assertThat(result.amount().toPlainString()).isEqualTo("0.10");
    }

    @Test
    void theOpenEndedLastBracketTakesEverythingAboveItsStart() {
        // 24 000 + 60 000 + 2 000 000 at 7 % (140 000) + 2 000 000 at 9 % (180 000) = 404 000
        RebateAccrued.Part part = RebateCalculation.part(bd("10000000"), bd("4000000"), NETWORK.minimumBaseline(),
                NETWORK.offSeason());

        assertThat(part.brackets().get(3).volumeInBracket()).isEqualByComparingTo("2000000");
        assertThat(part.amount()).isEqualByComparingTo("404000");
    }

    @Test
    void volumeUpToLastYearsEarnsNothing() {
        RebateAccrued.Part part = RebateCalculation.part(bd("3900000"), bd("4000000"), NETWORK.minimumBaseline(),
                NETWORK.offSeason());

        assertThat(part.amount()).isEqualByComparingTo("0");
        assertThat(part.brackets()).allSatisfy(b -> assertThat(b.volumeInBracket()).isEqualByComparingTo("0"));
    }

    @Test
    void withoutLastYearsVolumeTheLinesMinimumIsTheBaseline() {
        // baseline 3 000 000 (last year 0): season 100 % → 2 %; 3 300 000 - 3 000 000 = 300 000 at 2 % = 6 000
        RebateAccrued.Part part = RebateCalculation.part(bd("3300000"), BigDecimal.ZERO, NETWORK.minimumBaseline(),
                NETWORK.season());

        assertThat(part.baseline()).isEqualByComparingTo("3000000");
        assertThat(part.amount()).isEqualByComparingTo("6000");
    }

    @Test
    void seasonAndOffSeasonVolumesMeetTheirOwnBracketsAndTheirOwnLastYear() {
        RebateRules decemberSeason = new RebateRules(RebateRules.Accrual.QUARTERLY, List.of(12), 4,
                new TreeMap<>(java.util.Map.of("NETWORK_SECURITY", NETWORK)));
        List<RebateCalculation.WonVolume> quarter = List.of(
                won("NETWORK_SECURITY", "2026-11-10", "2000000"),
                won("NETWORK_SECURITY", "2026-11-20", "2500000"),  // off-season 4 500 000
                won("NETWORK_SECURITY", "2026-12-05", "3600000"),  // season 3 600 000
                won("COLLABORATION", "2026-12-06", "9000000"));    // not in this schedule: not counted
        List<RebateCalculation.WonVolume> lastYear = List.of(
                won("NETWORK_SECURITY", "2025-10-01", "3500000"),  // off-season last year 3 500 000
                won("NETWORK_SECURITY", "2025-12-01", "1000000")); // season last year 1 000 000 < minimum

        RebateCalculation.Result result = RebateCalculation.compute(decemberSeason, quarter, lastYear);

        RebateAccrued.LineAccrual line = result.lines().get(0);
        assertThat(result.lines()).hasSize(1);
        // off-season: baseline 3 500 000, brackets at 3.5 M / 4.2 M / 5.25 M; 700 000 at 3 % + 300 000 at 5 %
        assertThat(line.offSeason().volume()).isEqualByComparingTo("4500000");
        assertThat(line.offSeason().amount()).isEqualByComparingTo("36000");   // 21 000 + 15 000
        // season: baseline 3 000 000 (minimum), brackets at 3.0 M / 3.6 M / 4.5 M; 600 000 at 2 % = 12 000
        assertThat(line.season().baseline()).isEqualByComparingTo("3000000");
        assertThat(line.season().amount()).isEqualByComparingTo("12000");
        assertThat(result.volume()).isEqualByComparingTo("8100000");
        assertThat(result.lastYearVolume()).isEqualByComparingTo("4500000");
        assertThat(result.amount()).isEqualByComparingTo("48000");
    }

    @Test
    void aQuarterIsPaidAtOnceAndAYearInEqualPartsOverTheNextYear() {
        assertThat(RebateCalculation.payouts(DEFAULT, RebatePeriod.parse("2026-Q4"), bd("48000.00")))
                .containsExactly(new RebateAccrued.Payout(LocalDate.parse("2027-01-01"), bd("48000.00")));
        assertThat(RebateCalculation.payouts(DEFAULT, RebatePeriod.parse("2026"), bd("100000.01")))
                .containsExactly(new RebateAccrued.Payout(LocalDate.parse("2027-01-01"), bd("25000.00")),
                        new RebateAccrued.Payout(LocalDate.parse("2027-04-01"), bd("25000.00")),
                        new RebateAccrued.Payout(LocalDate.parse("2027-07-01"), bd("25000.00")),
                        new RebateAccrued.Payout(LocalDate.parse("2027-10-01"), bd("25000.01")));
    }

    @Test
    void periodsAreQuartersOrYearsAndAnythingElseIsRefused() {
        RebatePeriod q4 = RebatePeriod.parse("2026-Q4");
        assertThat(q4.firstDay()).isEqualTo(LocalDate.parse("2026-10-01"));
        assertThat(q4.dayAfter()).isEqualTo(LocalDate.parse("2027-01-01"));
        assertThat(q4.lastYear().name()).isEqualTo("2025-Q4");
        assertThat(q4.next().name()).isEqualTo("2027-Q1");
        assertThat(RebatePeriod.parse("2026").lastYear().name()).isEqualTo("2025");
        assertThat(q4.rebateId("P-1")).isEqualTo("rebate:P-1:2026-Q4");
        assertThatThrownBy(() -> RebatePeriod.parse("2026-Q5")).hasMessageContaining("2026-Q5");
        assertThatThrownBy(() -> RebatePeriod.parse("Q4-2026")).hasMessageContaining("Q4-2026");
    }

    private static RebateCalculation.WonVolume won(String line, String day, String value) {
        return new RebateCalculation.WonVolume(line, LocalDate.parse(day), bd(value));
    }

    private static BigDecimal bd(String value) {
        return new BigDecimal(value);
    }
}
