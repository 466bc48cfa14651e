package com.leadledger.command.registration;

import java.util.Optional;

/**
 * A possible-dumping flag is named after the registration whose WON outcome raised it ({@code DF-} and the
 * registration id; a registration is won once), so that a flag id leads to the opportunity that holds it.
 */
public final class DumpingFlagIds {

    private static final String PREFIX = "DF-";

    private DumpingFlagIds() {
    }

    public static String ofRegistration(String registrationId) {
        return PREFIX + registrationId;
    }

    /** The registration a flag id names; empty for an id that is not a flag id. */
    public static Optional<String> registrationOf(String flagId) {
        return flagId != null && flagId.startsWith(PREFIX) && flagId.length() > PREFIX.length()
                ? Optional.of(flagId.substring(PREFIX.length())) : Optional.empty();
    }
}
