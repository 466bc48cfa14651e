package com.leadledger.query.opportunity;

import com.leadledger.query.projection.ViewProjection;
import org.springframework.stereotype.Component;

/** Keeps {@code opportunity_view}. */
@Component
class OpportunityProjection extends ViewProjection<OpportunityView> {

    OpportunityProjection(OpportunityViewRepository views) {
        super("opportunity_view", OpportunityView.PROJECTOR, views::findAllForUpdate, views::saveAll, views::copyAll);
    }
}
