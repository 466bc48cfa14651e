package com.leadledger.command.registration;

import java.util.Optional;

/** Read-only port onto the registrations filed so far, for the rules of other slices (disputes). */
public interface RegistrationDirectory {

    /** Where a registration was filed and by whom. */
    record FiledOn(String registrationId, String opportunityId, String partnerId) {
    }

    Optional<FiledOn> find(String registrationId);

    /** Whether any registration was filed on the opportunity (by {@code partnerId}, unless it is null). */
    boolean hasRegistrationOn(String opportunityId, String partnerId);
}
