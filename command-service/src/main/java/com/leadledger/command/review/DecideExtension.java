package com.leadledger.command.review;

import com.leadledger.command.common.RegistrationAddressed;

/** Staff grant or refuse a pending extension request; answers the (possibly moved) end of protection. */
public record DecideExtension(String registrationId, String extensionRequestId, boolean grant, String note)
        implements RegistrationAddressed {
}
