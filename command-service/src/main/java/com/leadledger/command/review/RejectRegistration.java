package com.leadledger.command.review;

import com.leadledger.command.common.RegistrationAddressed;
import com.leadledger.events.registration.RejectionReason;

/** Staff reject a registration with a reason code; {@code OTHER} needs a note. */
public record RejectRegistration(String registrationId, RejectionReason reasonCode, String note)
        implements RegistrationAddressed {

    /** The policy version the rejection applied. */
    public record Result(long policyVersion) {
    }
}
