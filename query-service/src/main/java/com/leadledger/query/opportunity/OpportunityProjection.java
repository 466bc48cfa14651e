package com.leadledger.query.opportunity;

import com.leadledger.query.ingest.EventRef;
import com.leadledger.query.ingest.Projection;
import org.springframework.stereotype.Component;

import java.util.List;

/** Keeps {@code opportunity_view}: load the row, apply the transition, save the result. */
@Component
class OpportunityProjection implements Projection {

    private final OpportunityViewRepository views;

    OpportunityProjection(OpportunityViewRepository views) {
        this.views = views;
    }

    @Override
    public List<String> tables() {
        return List.of("opportunity_view");
    }

    @Override
    public void project(Record event, EventRef ref) {
        OpportunityView.PROJECTOR.viewIdsOf(event).forEach(id -> {
            OpportunityView current = views.findForUpdate(id).orElse(null);
            OpportunityView next = OpportunityView.PROJECTOR.apply(current, event, ref);
            if (next != null && next != current) {
                views.save(next);
            }
        });
    }
}
