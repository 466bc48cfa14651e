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
    void aMemberMissingFromTheActualAnswerOrAChangedValueIsNamedByItsPathAndAnAddedMemberIsNoDifference()
            throws Exception {
        JsonNode actual = JSON.readTree("""
                {"items": [{"registrationId": "r-1", "status": "APPROVED", "discountPercent": 12.5}], "total": 1}""");
        ObjectNode dropped = actual.deepCopy();
        ((ObjectNode) dropped.get("items").get(0)).remove("discountPercent");
        ObjectNode changed = actual.deepCopy();
        ((ObjectNode) changed.get("items").get(0)).put("status", "EXPIRED");

        assertThat(ReadModels.differences(actual, actual.deepCopy())).isEmpty();
        assertThat(ReadModels.differences(actual, dropped)).get().asString()
                .contains("items[0]").contains("discountPercent");
        assertThat(ReadModels.differences(dropped, actual)).as("the contract may be extended").isEmpty();
        assertThat(ReadModels.differences(changed, actual)).get().asString()
                .contains("items[0].status").contains("EXPIRED").contains("APPROVED");
    }

    @Test
    void aWithdrawnMemberLeavesOnlyTheAnswersItWasWithdrawnFrom() throws Exception {
        JsonNode recorded = JSON.readTree("""
                {"rulings": [{"level": 1, "rationale": "internal note"}], "status": "RULED"}""");

        assertThat(ContractChanges.current(Request.query("/api/v1/disputes/d-1", Callers.partner("P-1")), recorded)
                .toString()).isEqualTo("{\"rulings\":[{\"level\":1}],\"status\":\"RULED\"}");
        assertThat(ContractChanges.current(Request.query("/api/v1/disputes/d-1", Callers.DIRECTOR), recorded))
                .isEqualTo(recorded);
    }
}
