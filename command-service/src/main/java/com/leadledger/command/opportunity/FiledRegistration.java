package com.leadledger.command.opportunity;

import com.leadledger.events.registration.RegistrationStatus;

/** The opportunity's memory of one registration: just what its rules compare. */
record FiledRegistration(String registrationId, String partnerId, int position, RegistrationStatus status) {

    FiledRegistration withStatus(RegistrationStatus newStatus) {
        return new FiledRegistration(registrationId, partnerId, position, newStatus);
    }

    boolean isActive() {
        return status.isActive();
    }
}
