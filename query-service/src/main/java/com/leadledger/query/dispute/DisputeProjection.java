package com.leadledger.query.dispute;

import com.leadledger.query.ingest.EventRef;
import com.leadledger.query.ingest.Projection;
import org.springframework.stereotype.Component;

import java.util.List;

/** Keeps {@code dispute_view}: load the document, apply the transition, save the result. */
@Component
class DisputeProjection implements Projection {

    private final DisputeViewRepository views;

    DisputeProjection(DisputeViewRepository views) {
        this.views = views;
    }

    @Override
    public List<String> tables() {
        return List.of("dispute_view");
    }

    @Override
    public void project(Record event, EventRef ref) {
        DisputeView.PROJECTOR.viewIdsOf(event).forEach(id -> {
            DisputeView current = views.findForUpdate(id).orElse(null);
            DisputeView next = DisputeView.PROJECTOR.apply(current, event, ref);
            if (next != null && next != current) {
                views.save(next);
            }
        });
    }
}
