package com.leadledger.console.partner;

import com.leadledger.console.dispute.PartnerDispute;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The rulings in force against a partner, from its own disputes: the penalties and revocations each ordered (the party
 * view of each dispute it is the respondent of), beside its partner record.
 */
public record OwnRecord(String partnerId, List<Penalty> penalties) {

    /** One dispute's ruling in force against the partner. */
    public record Penalty(String disputeId, String type, Instant decidedAt, int penaltyPoints,
                          boolean protectionRevoked) {
    }

    public OwnRecord {
        penalties = List.copyOf(penalties);
    }

    /** From the partner's disputes: those it is the respondent of whose ruling in force was upheld against it. */
    static OwnRecord of(String partnerId, List<PartnerDispute> disputes) {
        return new OwnRecord(partnerId, disputes.stream()
                .filter(d -> !d.complainant())
                .map(d -> {
                    PartnerDispute.Ruling ruling = d.lastRuling();
                    if (ruling == null || !"UPHELD".equals(ruling.outcome())) {
                        return null;
                    }
                    return new Penalty(d.disputeId(), d.type(), ruling.decidedAt(), ruling.penaltyPoints(),
                            ruling.respondentProtectionRevoked());
                })
                .filter(Objects::nonNull)
                .toList());
    }
}
