package com.leadledger.query.dispute;

import com.leadledger.query.projection.ViewProjection;
import org.springframework.stereotype.Component;

/** Keeps {@code dispute_view}. */
@Component
class DisputeProjection extends ViewProjection<DisputeView> {

    DisputeProjection(DisputeViewRepository views) {
        super("dispute_view", DisputeView.PROJECTOR, views::findAllForUpdate, views::saveAll, views::copyAll);
    }
}
