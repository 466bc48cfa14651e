package com.leadledger.command.registration;

import java.time.Instant;

/** What a successful submission answers; deliberately without the position, which would reveal competitors. */
public record RegistrationAccepted(String registrationId, String opportunityId, Instant acceptedAt) {
}
