package com.leadledger.console.dispute;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PartnerDisputeTest {

    private static final Instant UNTIL = Instant.parse("2026-12-11T10:00:00Z");

    @Test
    void aRuledDisputeMayBeAppealedOnceWithinItsWindow() {
        assertThat(dispute("CLOSED", false).appealableAt(UNTIL.minusSeconds(1))).isTrue();
        assertThat(dispute("CLOSED", false).appealableAt(UNTIL)).as("the window has closed").isFalse();
        assertThat(dispute("CLOSED", true).appealableAt(UNTIL.minusSeconds(1))).as("already appealed").isFalse();
        assertThat(dispute("OPEN", false).appealableAt(UNTIL.minusSeconds(1))).as("not ruled").isFalse();
    }

    private static PartnerDispute dispute(String status, boolean appealed) {
        return new PartnerDispute("D-1", "PRICE_DUMPING", "COMPLAINANT", status, 1, "O-1", "R-1", "x", null,
                UNTIL.minusSeconds(864_000), null, true, appealed, UNTIL, List.of(), List.of(), List.of());
    }
}
