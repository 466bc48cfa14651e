package com.leadledger.query.opportunity;

import com.leadledger.events.LeadLedgerEvent;
import com.leadledger.query.ingest.EventRef;
import com.leadledger.query.ingest.Projection;
import org.springframework.stereotype.Component;

import java.util.List;

/** Appends vendor support decisions to {@code support_history}. */
@Component
class SupportHistoryProjection implements Projection {

    private final SupportHistoryRepository history;

    SupportHistoryProjection(SupportHistoryRepository history) {
        this.history = history;
    }

    @Override
    public List<String> tables() {
        return List.of("support_history");
    }

    @Override
    public void project(LeadLedgerEvent event, EventRef ref) {
        SupportHistoryEntry.from(event, ref).ifPresent(history::add);
    }
}
