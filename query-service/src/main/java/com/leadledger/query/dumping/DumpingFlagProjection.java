package com.leadledger.query.dumping;

import com.leadledger.query.projection.ViewProjection;
import org.springframework.stereotype.Component;

/** Keeps {@code dumping_flag_view}. */
@Component
class DumpingFlagProjection extends ViewProjection<DumpingFlagView> {

    DumpingFlagProjection(DumpingFlagRepository flags) {
        super("dumping_flag_view", DumpingFlagView.PROJECTOR, flags::findAllForUpdate, flags::saveAll, flags::copyAll);
    }
}
