package com.leadledger.bench;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ScenarioSelectionTest {

    @Test
    void allRunsEveryScenarioWithSeedingAndTheRawInsertBaseline() {
        ScenarioSelection all = ScenarioSelection.parse("all", false);

        assertThat(all.isAll()).isTrue();
        assertThat(all.running()).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11);
        assertThat(all.seeding()).isTrue();
        assertThat(all.rawInsertBaseline()).isTrue();
        assertThat(all.dependencies()).isEmpty();
        assertThat(all.describe()).isEqualTo("all");
    }

    @Test
    void theDefaultIsAll() {
        BenchConfig config = BenchConfig.from(new String[]{"--smoke"});

        assertThat(config.scenarios().isAll()).isTrue();
        assertThat(config.describe().get("scenarios")).isEqualTo("all");
        assertThat(config.idleSettleMaxSeconds()).isPositive();
        assertThat(BenchConfig.from(new String[]{}).idleSettleMaxSeconds()).isEqualTo(600);
    }

    @Test
    void aSingleIndependentScenarioRunsAloneWithoutSeedingOrBaseline() {
        ScenarioSelection only10 = ScenarioSelection.parse("10", false);

        assertThat(only10.isAll()).isFalse();
        assertThat(only10.selected()).containsExactly(10);
        assertThat(only10.running()).containsExactly(10);
        assertThat(only10.runs(1)).isFalse();
        assertThat(only10.seeding()).isFalse();
        assertThat(only10.rawInsertBaseline()).isFalse();
        assertThat(only10.dependencies()).isEmpty();
    }

    @Test
    void parsesAListWithSpacesAndDuplicates() {
        ScenarioSelection s = ScenarioSelection.parse(" 11, 10 ,11", false);

        assertThat(s.selected()).containsExactly(10, 11);
        assertThat(s.running()).containsExactly(10, 11);
    }

    @Test
    void selectingSevenOrNineRunsOneAndOneBringsBoth() {
        for (String id : new String[]{"7", "9"}) {
            ScenarioSelection s = ScenarioSelection.parse(id, false);

            assertThat(s.running()).as(id).containsExactly(1, 7, 9);
            assertThat(s.rawInsertBaseline()).as(id).isTrue();
            assertThat(s.seeding()).as(id).isFalse();
            assertThat(s.dependencies()).as(id).anyMatch(d -> d.contains("scenario 1 runs too") && d.contains(id + " ("));
        }
        assertThat(ScenarioSelection.parse("1", false).running()).containsExactly(1, 7, 9);
    }

    @Test
    void latencyScenariosAtHalfRateNeedOneButNotAtAFixedRate() {
        assertThat(ScenarioSelection.parse("2", false).running()).containsExactly(1, 2, 7, 9);
        assertThat(ScenarioSelection.parse("3", false).running()).containsExactly(1, 3, 7, 9);

        ScenarioSelection fixed = ScenarioSelection.parse("2,3", true);
        assertThat(fixed.running()).containsExactly(2, 3);
        assertThat(fixed.rawInsertBaseline()).isFalse();
        assertThat(fixed.dependencies()).isEmpty();
    }

    @Test
    void theRateSettingDecidesTheDependencyThroughTheConfig() {
        assertThat(BenchConfig.from(new String[]{"--scenarios=3", "--rate=50"}).scenarios().running()).containsExactly(3);
        assertThat(BenchConfig.from(new String[]{"--scenarios=3"}).scenarios().running()).containsExactly(1, 3, 7, 9);
    }

    @Test
    void scenarioSixRunsOneAndSeeding() {
        ScenarioSelection s = ScenarioSelection.parse("6", true);

        assertThat(s.running()).containsExactly(1, 6, 7, 9);
        assertThat(s.seeding()).isTrue();
        assertThat(s.rawInsertBaseline()).isTrue();
    }

    @Test
    void seedingRunsOnlyForTheScenariosOnTheLargeStore() {
        for (int id : new int[]{4, 5, 6, 8}) {
            assertThat(ScenarioSelection.parse(Integer.toString(id), true).seeding()).as("%s", id).isTrue();
        }
        for (int id : new int[]{1, 2, 3, 7, 9, 10, 11}) {
            assertThat(ScenarioSelection.parse(Integer.toString(id), true).seeding()).as("%s", id).isFalse();
        }
        ScenarioSelection s = ScenarioSelection.parse("4,10", false);
        assertThat(s.running()).containsExactly(4, 10);
        assertThat(s.seeding()).isTrue();
        assertThat(s.rawInsertBaseline()).isFalse();
    }

    @Test
    void theReportConfigRecordsTheSelectionAndWhatRuns() {
        Object described = BenchConfig.from(new String[]{"--scenarios=9,10"}).describe().get("scenarios");

        assertThat(described).isInstanceOf(Map.class);
        Map<?, ?> m = (Map<?, ?>) described;
        assertThat(m.get("selected")).asList().containsExactly(9, 10);
        assertThat(m.get("run")).asList().containsExactly(1, 7, 9, 10);
        assertThat(m.get("dependencies")).asList().isNotEmpty();
    }

    @Test
    void cannotSelectAnUnknownId() {
        for (String bad : new String[]{"12", "0", "x", "1,99", "-1", "1.5"}) {
            assertThatThrownBy(() -> ScenarioSelection.parse(bad, false)).as(bad)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("scenarios")
                    .hasMessageContaining("unknown scenario id")
                    .hasMessageContaining("1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11");
        }
    }

    @Test
    void cannotSelectAnEmptyList() {
        for (String bad : new String[]{"", " ", "1,,3", ","}) {
            assertThatThrownBy(() -> ScenarioSelection.parse(bad, false)).as("'%s'", bad)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("scenarios")
                    .hasMessageContaining("valid ids: 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11");
        }
        assertThatThrownBy(() -> BenchConfig.from(new String[]{"--scenarios="}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("scenarios: empty list");
        assertThatThrownBy(() -> BenchConfig.from(new String[]{"--scenarios=13"}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown scenario id '13'");
    }

    @Test
    void theMarkdownListsAScenarioNotSelectedWithoutNumbers() {
        Map<String, Object> meta = Map.of(
                "startedAt", "now",
                "machine", Map.of("cpus", 2, "cpuModel", "cpu", "memTotal", "1 GiB", "java", "17"),
                "config", BenchConfig.from(new String[]{"--smoke", "--scenarios=10"}).describe());

        String md = Report.markdown(meta, new java.util.TreeMap<>(Map.of(4, Bench.notSelected(4))));

        assertThat(md).contains("| 4 | projection rebuild | not selected | — | — | — | — |");
    }
}
