package com.leadledger.console.admin;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class PolicyDiffTest {

    private final JsonMapper json = JsonMapper.builder().build();

    private JsonNode parse(String text) {
        return json.readTree(text);
    }

    @Test
    void listsEveryLeafThatDiffersByItsPathWithItsValueBeforeAndAfter() {
        JsonNode v1 = parse("""
                {"tiers": {"GOLD": {"protectionDays": 90, "maxDiscountPercent": 15}},
                 "disputeSlaBusinessDays": [2, 3, 5], "calendar": {"timeZone": "Europe/Moscow", "holidays": []},
                 "appealWindowDays": 10}""");
        JsonNode v2 = parse("""
                {"tiers": {"GOLD": {"protectionDays": 90, "maxDiscountPercent": 17.5},
                           "PLATINUM": {"protectionDays": 120, "maxDiscountPercent": 20}},
                 "disputeSlaBusinessDays": [2, 4], "calendar": {"timeZone": "Europe/Moscow", "holidays": ["2027-01-07"]},
                 "appealWindowDays": 10}""");

        PolicyDiff diff = PolicyDiff.between(1, v1, 2, v2);

        assertThat(diff.rows()).containsExactly(
                new PolicyDiff.Row("calendar.holidays", PolicyDiff.Kind.REMOVED, "[]", null),
                new PolicyDiff.Row("calendar.holidays[0]", PolicyDiff.Kind.ADDED, null, "2027-01-07"),
                new PolicyDiff.Row("disputeSlaBusinessDays[1]", PolicyDiff.Kind.CHANGED, "3", "4"),
                new PolicyDiff.Row("disputeSlaBusinessDays[2]", PolicyDiff.Kind.REMOVED, "5", null),
                new PolicyDiff.Row("tiers.GOLD.maxDiscountPercent", PolicyDiff.Kind.CHANGED, "15", "17.5"),
                new PolicyDiff.Row("tiers.PLATINUM.maxDiscountPercent", PolicyDiff.Kind.ADDED, null, "20"),
                new PolicyDiff.Row("tiers.PLATINUM.protectionDays", PolicyDiff.Kind.ADDED, null, "120"));
        assertThat(diff.from()).isEqualTo(1);
        assertThat(diff.to()).isEqualTo(2);
    }

    @Test
    void theSameDocumentHasNoDifference() {
        JsonNode policy = parse("{\"tiers\": {\"GOLD\": {\"protectionDays\": 90}}, \"limits\": null}");

        assertThat(PolicyDiff.between(3, policy, 3, policy.deepCopy()).rows()).isEmpty();
    }
}
