package com.leadledger.command.partner;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Withdraw a specialist certification of the partner (ADMIN). */
public record WithdrawCertification(@TargetAggregateIdentifier String partnerId, String certificationId,
                                    String reason) {
}
