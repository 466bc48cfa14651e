package com.leadledger.command.registration;

import com.leadledger.command.common.RegistrationAddressed;

/** The owner asks for more protection time; {@code days} is null for the policy's maximum. */
public record RequestExtension(String registrationId, String extensionRequestId, String partnerId, String reason,
                               Integer days) implements RegistrationAddressed {
}
