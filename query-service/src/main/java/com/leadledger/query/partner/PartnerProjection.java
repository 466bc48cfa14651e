package com.leadledger.query.partner;

import com.leadledger.query.projection.ViewProjection;
import org.springframework.stereotype.Component;

/** Keeps {@code partner_view}. */
@Component
class PartnerProjection extends ViewProjection<PartnerView> {

    PartnerProjection(PartnerViewRepository views) {
        super("partner_view", PartnerView.PROJECTOR, views::findAllForUpdate, views::saveAll, views::copyAll);
    }
}
