package com.leadledger.query.registration;

import com.leadledger.events.registration.RegistrationStatus;

/**
 * Narrows a registration list; null members do not filter. {@code partnerId} is forced for partner callers.
 * {@code pendingExtension}: only those with (true) or without (false) an extension request awaiting a decision.
 */
record RegistrationFilter(String partnerId, RegistrationStatus status, String productLine, Boolean pendingExtension) {
}
