package com.leadledger.query.notice;

import com.leadledger.query.projection.ViewProjection;
import org.springframework.stereotype.Component;

/** Writes the notices an event adds ({@link Notice#PROJECTOR}), once each. */
@Component
class NoticeProjection extends ViewProjection<Notice> {

    NoticeProjection(NoticeRepository notices) {
        super("notice", Notice.PROJECTOR, notices::addAll, notices::copyAll);
    }
}
