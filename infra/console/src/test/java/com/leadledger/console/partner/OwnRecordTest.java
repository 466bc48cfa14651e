package com.leadledger.console.partner;

import com.leadledger.console.dispute.PartnerDispute;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class OwnRecordTest {

    private static final Instant T = Instant.parse("2026-12-01T10:00:00Z");

    @Test
    void countsTheRulingInForceOfEachDisputeThePartnerIsTheRespondentOf() {
        PartnerDispute upheld = dispute("D-1", "RESPONDENT", ruling("UPHELD", true, 10));
        PartnerDispute reversedOnAppeal = dispute("D-2", "RESPONDENT", ruling("UPHELD", true, 5),
                ruling("DISMISSED", false, 0));
        PartnerDispute asComplainant = dispute("D-3", "COMPLAINANT", ruling("UPHELD", true, 7));
        PartnerDispute open = dispute("D-4", "RESPONDENT");

        OwnRecord record = OwnRecord.of("P-2", List.of(upheld, reversedOnAppeal, asComplainant, open));

        assertThat(record.penalties()).containsExactly(new OwnRecord.Penalty("D-1", "PRICE_DUMPING", T, 10, true));
    }

    private static PartnerDispute dispute(String id, String role, PartnerDispute.Ruling... rulings) {
        return new PartnerDispute(id, "PRICE_DUMPING", role, rulings.length == 0 ? "OPEN" : "CLOSED", 1, null, null,
                null, null, T, null, true, false, null, List.of(rulings), List.of(), List.of());
    }

    private static PartnerDispute.Ruling ruling(String outcome, boolean revoked, int points) {
        return new PartnerDispute.Ruling(1, outcome, null, false, T, null, 1, null, false, revoked, points);
    }
}
