package com.leadledger.console.audit;

import com.leadledger.console.api.LeadLedgerApi;
import com.leadledger.console.api.Page;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/** Every event of one aggregate's stream from the audit trail ({@code GET /api/v1/audit/events}), page after page. */
@Component
class StreamEvents {

    static final int PAGE_SIZE = 200;

    private final LeadLedgerApi api;

    StreamEvents(LeadLedgerApi api) {
        this.api = api;
    }

    /** The stream's events in stream order, each read as {@code type}'s item. */
    <T> List<T> of(String aggregateId, ParameterizedTypeReference<Page<T>> type) {
        List<T> events = new ArrayList<>();
        Page<T> page;
        int number = 0;
        do {
            page = api.read("/api/v1/audit/events?aggregateId={id}&page={page}&size=" + PAGE_SIZE, type,
                    aggregateId, number++);
            events.addAll(page.items());
        } while (!page.items().isEmpty() && events.size() < page.total());
        return events;
    }
}
