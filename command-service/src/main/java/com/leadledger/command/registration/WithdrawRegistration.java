package com.leadledger.command.registration;

import com.leadledger.command.common.RegistrationAddressed;

/** The owning partner takes its registration out of the competition. */
public record WithdrawRegistration(String registrationId, String partnerId, String reason)
        implements RegistrationAddressed {
}
