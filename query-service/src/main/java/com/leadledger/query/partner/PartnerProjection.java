package com.leadledger.query.partner;

import com.leadledger.query.ingest.EventRef;
import com.leadledger.query.ingest.Projection;
import org.springframework.stereotype.Component;

import java.util.List;

/** Keeps {@code partner_view}: load the row, apply the transition, save the result. */
@Component
class PartnerProjection implements Projection {

    private final PartnerViewRepository views;

    PartnerProjection(PartnerViewRepository views) {
        this.views = views;
    }

    @Override
    public List<String> tables() {
        return List.of("partner_view");
    }

    @Override
    public void project(Record event, EventRef ref) {
        PartnerView.PROJECTOR.viewIdsOf(event).forEach(id -> {
            PartnerView current = views.findForUpdate(id).orElse(null);
            PartnerView next = PartnerView.PROJECTOR.apply(current, event, ref);
            if (next != null && next != current) {
                views.save(next);
            }
        });
    }
}
