package com.leadledger.command.registration;

import com.leadledger.command.common.RegistrationAddressed;

/** Staff close a possible-dumping flag without a dispute, for {@code reason}. */
public record DismissDumpingFlag(String registrationId, String flagId, String reason, String dismissedBy)
        implements RegistrationAddressed {
}
