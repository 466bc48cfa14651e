package com.leadledger.query.registration;

import com.leadledger.query.ingest.EventRef;
import com.leadledger.query.ingest.Projection;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Keeps {@code registration_view}: load the row, apply the transition, save the result. An event may change several
 * rows (a support move: the registration losing support and the one gaining it); they are locked in id order.
 */
@Component
class RegistrationProjection implements Projection {

    private final RegistrationViewRepository views;

    RegistrationProjection(RegistrationViewRepository views) {
        this.views = views;
    }

    @Override
    public List<String> tables() {
        return List.of("registration_view");
    }

    @Override
    public void project(Record event, EventRef ref) {
        RegistrationView.PROJECTOR.viewIdsOf(event).stream().sorted().forEach(id -> {
            RegistrationView current = views.findForUpdate(id).orElse(null);
            RegistrationView next = RegistrationView.PROJECTOR.apply(current, event, ref);
            if (next != null && next != current) {
                views.save(next);
            }
        });
    }
}
