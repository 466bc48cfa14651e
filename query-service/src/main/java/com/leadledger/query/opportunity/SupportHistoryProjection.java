package com.leadledger.query.opportunity;

import com.leadledger.query.projection.ViewProjection;
import org.springframework.stereotype.Component;

/** Appends vendor support decisions to {@code support_history}, once each. */
@Component
class SupportHistoryProjection extends ViewProjection<SupportHistoryEntry> {

    SupportHistoryProjection(SupportHistoryRepository history) {
        super("support_history", SupportHistoryEntry.PROJECTOR, history::addAll, history::copyAll);
    }
}
