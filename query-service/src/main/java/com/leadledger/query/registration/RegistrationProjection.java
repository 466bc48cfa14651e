package com.leadledger.query.registration;

import com.leadledger.query.projection.ViewProjection;
import org.springframework.stereotype.Component;

/** Keeps {@code registration_view}; a support move changes two rows. */
@Component
class RegistrationProjection extends ViewProjection<RegistrationView> {

    RegistrationProjection(RegistrationViewRepository views) {
        super("registration_view", RegistrationView.PROJECTOR, views::findAllForUpdate, views::saveAll, views::copyAll);
    }
}
