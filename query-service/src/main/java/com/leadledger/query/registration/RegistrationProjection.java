package com.leadledger.query.registration;

import com.leadledger.query.ingest.EventRef;
import com.leadledger.query.ingest.Projection;
import org.springframework.stereotype.Component;

/** Keeps {@code registration_view}: load the row, apply the transition, save the result. */
@Component
class RegistrationProjection implements Projection {

    private final RegistrationViewRepository views;

    RegistrationProjection(RegistrationViewRepository views) {
        this.views = views;
    }

    @Override
    public void project(Record event, EventRef ref) {
        RegistrationView.PROJECTOR.viewIdOf(event).ifPresent(id -> {
            RegistrationView current = views.findForUpdate(id).orElse(null);
            RegistrationView next = RegistrationView.PROJECTOR.apply(current, event, ref);
            if (next != null && next != current) {
                views.save(next);
            }
        });
    }
}
