package com.leadledger.events.registration;

import com.leadledger.events.common.Money;

import java.time.Instant;

public record RegistrationWon(String opportunityId, String registrationId, String partnerId, Money finalValue,
                              Instant reportedAt) implements RegistrationEvent {
}
