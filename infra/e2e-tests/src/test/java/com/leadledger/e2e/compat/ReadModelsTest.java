package com.leadledger.e2e.compat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The comparison the compatibility test relies on: canonical form, and differences named member by member. */
class ReadModelsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theCanonicalFormSortsMembersAndLeavesOutTheVolatileOnesAtAnyDepth() throws Exception {
        JsonNode canonical = CanonicalJson.of(JSON.readTree("""
                {"status": "OPEN", "age": "PT42S", "items": [{"slaBreached": true, "b": 1, "a": {"receivedAt": "x",
                 "z": null}}], "ageSeconds": 42}"""));

        assertThat(canonical.toString()).isEqualTo("{\"items\":[{\"a\":{\"z\":null},\"b\":1}],\"status\":\"OPEN\"}");
    }

    @Test
    void aMemberDroppedFromTheExpectedAnswerOrAChangedValueIsNamedByItsPath() throws Exception {
        JsonNode actual = JSON.readTree("""
                {"items": [{"registrationId": "r-1", "status": "APPROVED", "discountPercent": 12.5}], "total": 1}""");
        ObjectNode dropped = actual.deepCopy();
        ((ObjectNode) dropped.get("items").get(0)).remove("discountPercent");
        ObjectNode changed = actual.deepCopy();
        ((ObjectNode) changed.get("items").get(0)).put("status", "EXPIRED");

        assertThat(ReadModels.differences(actual, actual.deepCopy())).isEmpty();
        assertThat(ReadModels.differences(dropped, actual)).get().asString()
                .contains("items[0]").contains("discountPercent");
        assertThat(ReadModels.differences(changed, actual)).get().asString()
                .contains("items[0].status").contains("EXPIRED").contains("APPROVED");
    }
}
