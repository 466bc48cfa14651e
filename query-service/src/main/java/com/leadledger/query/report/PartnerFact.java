package com.leadledger.query.report;

import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

/**
 * A partner of the program as of the report's instant.
 *
 * @param adverseEvents when a ruling upheld a dispute against it, or support was taken away from it
 */
record PartnerFact(String partnerId, String name, int penaltyPoints, List<Instant> adverseEvents) {

    static PartnerFact onboarded(String partnerId, String name) {
        return new PartnerFact(partnerId, name, 0, List.of());
    }

    PartnerFact penaltyPoints(int total) {
        return new PartnerFact(partnerId, name, total, adverseEvents);
    }

    PartnerFact adverse(Instant at) {
        return new PartnerFact(partnerId, name, penaltyPoints,
                Stream.concat(adverseEvents.stream(), Stream.of(at)).toList());
    }
}
