package com.leadledger.query.opportunity;

import com.leadledger.events.LeadLedgerEvent;
import com.leadledger.events.opportunity.SupportGranted;
import com.leadledger.events.opportunity.SupportMoved;
import com.leadledger.events.opportunity.SupportReason;
import com.leadledger.events.opportunity.SupportWithdrawn;
import com.leadledger.query.Fixtures;
import com.leadledger.query.projection.EventRef;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SupportHistoryEntryTest {

    static final Instant T = Instant.parse("2030-06-01T08:30:00Z");

    static EventRef ref(LeadLedgerEvent event, long sequence) {
        return new EventRef("ev-" + sequence, event.getClass().getSimpleName(), "opp-1", sequence, 100 + sequence,
                T.plusSeconds(1), Fixtures.metadata("manager-3", "CHANNEL_MANAGER", null));
    }

    @Test
    void aGrantRecordsTheNewSideAndWhoDecided() {
        var grant = new SupportGranted("opp-1", "reg-1", "P-1", "presales on", T, 1);

        SupportHistoryEntry entry = single(SupportHistoryEntry.PROJECTOR.added(grant, ref(grant, 7)));

        assertThat(entry).isEqualTo(new SupportHistoryEntry("ev-7", "opp-1", 7, SupportHistoryEntry.Action.GRANTED,
                null, "reg-1", null, "P-1", null, null, null, "presales on", T, "manager-3"));
    }

    @Test
    void aMoveRecordsBothSidesAndWhatJustifiedIt() {
        var move = new SupportMoved("opp-1", "reg-1", "P-1", "reg-2", "P-2", SupportReason.ARBITRATION_RULING,
                "dispute-9", null, "per ruling", T, 1);

        SupportHistoryEntry entry = single(SupportHistoryEntry.PROJECTOR.added(move, ref(move, 8)));

        assertThat(entry).isEqualTo(new SupportHistoryEntry("ev-8", "opp-1", 8, SupportHistoryEntry.Action.MOVED,
                "reg-1", "reg-2", "P-1", "P-2", "ARBITRATION_RULING", "dispute-9", null, "per ruling", T,
                "manager-3"));
    }

    @Test
    void aWithdrawalRecordsTheSideThatLostIt() {
        var withdrawal = new SupportWithdrawn("opp-1", "reg-2", "P-2", SupportReason.CUSTOMER_WRITTEN_PREFERENCE,
                null, "cd".repeat(32), null, T, 1);

        SupportHistoryEntry entry = single(SupportHistoryEntry.PROJECTOR.added(withdrawal, ref(withdrawal, 9)));

        assertThat(entry.action()).isEqualTo(SupportHistoryEntry.Action.WITHDRAWN);
        assertThat(entry.fromRegistrationId()).isEqualTo("reg-2");
        assertThat(entry.fromPartnerId()).isEqualTo("P-2");
        assertThat(entry.toRegistrationId()).isNull();
        assertThat(entry.toPartnerId()).isNull();
        assertThat(entry.reasonCode()).isEqualTo("CUSTOMER_WRITTEN_PREFERENCE");
        assertThat(entry.evidenceSha256()).isEqualTo("cd".repeat(32));
    }

    @Test
    void otherEventsAddNothingAndAMissingActorIsNull() {
        var submitted = Fixtures.submitted("opp-1", "P-1", 1, T);
        var grant = new SupportGranted("opp-1", "reg-1", "P-1", null, null, 1);

        assertThat(SupportHistoryEntry.PROJECTOR.added(submitted, ref(submitted, 1))).isEmpty();
        SupportHistoryEntry entry = single(SupportHistoryEntry.PROJECTOR.added(grant, Fixtures.ref(grant, T)));
        assertThat(entry.actorId()).isNull();
        assertThat(entry.at()).as("the stored time when the event does not say").isEqualTo(T);
    }

    static SupportHistoryEntry single(List<SupportHistoryEntry> entries) {
        assertThat(entries).hasSize(1);
        return entries.get(0);
    }
}
