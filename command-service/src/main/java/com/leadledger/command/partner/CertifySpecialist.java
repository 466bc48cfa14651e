package com.leadledger.command.partner;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** Record a specialist of the partner as certified for a product line over a validity period (ADMIN). */
public record CertifySpecialist(@TargetAggregateIdentifier String partnerId, String certificationId,
                                String productLine, String specialist, LocalDate validFrom, LocalDate validUntil) {
}
