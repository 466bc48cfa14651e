package com.leadledger.console.report;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ReportKindTest {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private static List<JsonNode> rows(String json) {
        return MAPPER.readValue(json, MAPPER.getTypeFactory().constructCollectionType(List.class, JsonNode.class));
    }

    @Test
    void theDecisionChartDrawsEachLevelsMedianAndTheTableEveryFigure() {
        List<JsonNode> rows = rows("""
                [{"level":"1","decided":2,"approved":2,"rejected":0,"medianHoursToDecision":17.00,
                  "p90HoursToDecision":30.00,"slaBreaches":1},
                 {"level":"3","decided":0,"approved":0,"rejected":0,"medianHoursToDecision":null,
                  "p90HoursToDecision":null,"slaBreaches":0},
                 {"level":"ALL","decided":2,"approved":2,"rejected":0,"medianHoursToDecision":17.00,
                  "p90HoursToDecision":30.00,"slaBreaches":1}]""");
        BarChart chart = ReportKind.DECISIONS.chart(rows);
        assertThat(chart.bars()).extracting(BarChart.Bar::label).containsExactly("1", "3");
        assertThat(chart.bars()).extracting(BarChart.Bar::value).containsExactly("17", "–");
        assertThat(ReportKind.DECISIONS.cells(rows).get(1)).containsExactly("3", "0", "0", "0", "", "", "0");
    }

    @Test
    void theSupportChartDrawsEachManagersTotal() {
        List<JsonNode> rows = rows("""
                [{"manager":"m-1","reasonCode":"ARBITRATION_RULING","moves":1,"withdrawals":0,"awayFromProtected":1},
                 {"manager":"m-1","reasonCode":"ALL","moves":1,"withdrawals":0,"awayFromProtected":1},
                 {"manager":"ALL","reasonCode":"ARBITRATION_RULING","moves":1,"withdrawals":0,"awayFromProtected":1},
                 {"manager":"ALL","reasonCode":"ALL","moves":1,"withdrawals":0,"awayFromProtected":1}]""");
        assertThat(ReportKind.SUPPORT.chart(rows).bars()).extracting(BarChart.Bar::label).containsExactly("m-1");
    }

    @Test
    void aReportIsFoundByItsPathOnly() {
        assertThat(ReportKind.of("partners")).contains(ReportKind.PARTNERS);
        assertThat(ReportKind.of("PARTNERS")).isEmpty();
    }
}
