package com.leadledger.query.notice;

import com.leadledger.events.LeadLedgerEvent;
import com.leadledger.query.ingest.EventRef;
import com.leadledger.query.ingest.Projection;
import org.springframework.stereotype.Component;

import java.util.List;

/** Writes the notices an event yields ({@link NoticeRules}), once each. */
@Component
class NoticeProjection implements Projection {

    private final NoticeRepository notices;

    NoticeProjection(NoticeRepository notices) {
        this.notices = notices;
    }

    @Override
    public List<String> tables() {
        return List.of("notice");
    }

    @Override
    public void project(LeadLedgerEvent event, EventRef ref) {
        NoticeRules.noticesFor(event, ref).forEach(notices::add);
    }
}
