package com.leadledger.command.registration;

import com.leadledger.command.common.RegistrationAddressed;
import com.leadledger.events.common.Money;

/** The owner reports how the deal ended: WON with the final value, or LOST with a reason. */
public record ReportOutcome(String registrationId, String partnerId, Result result, Money finalValue, String reason)
        implements RegistrationAddressed {

    public enum Result { WON, LOST }
}
