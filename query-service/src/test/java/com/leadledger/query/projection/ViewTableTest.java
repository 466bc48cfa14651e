package com.leadledger.query.projection;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A table description that could only fail once a row is written is refused when it is built. */
class ViewTableTest {

    record Row(String id, String text) {
    }

    @Test
    void cannotBuildATableWhoseKeyIsMissingOrNotAmongItsColumns() {
        assertThatThrownBy(() -> ViewTable.<Row>of("t").text("id", Row::id).replacing())
                .hasMessageContaining("key []");
        assertThatThrownBy(() -> ViewTable.<Row>of("t", "row_id").text("id", Row::id).text("text", Row::text)
                .replacing()).hasMessageContaining("key [row_id] is not among the columns [id, text]");
    }

    @Test
    void cannotBuildAReplacingTableWithNothingButItsKey() {
        assertThatThrownBy(() -> ViewTable.<Row>of("t", "id").text("id", Row::id).replacing())
                .hasMessageContaining("no column besides the key");
    }

    @Test
    void cannotListAColumnTwice() {
        assertThatThrownBy(() -> ViewTable.<Row>of("t", "id").text("id", Row::id).text("id", Row::text))
                .hasMessageContaining("t.id is listed twice");
    }
}
