package com.leadledger.query.program;

import java.time.Instant;

/**
 * One part of a partner's scorecard (its tier, its points, its rebates, ...), computed from the events up to
 * {@code asOf} under the policy in force at that instant. Each part is a bean; the scorecard answer holds every part
 * under its {@link #name()}. A part never reads or reveals another partner's figures.
 */
public interface ScorecardSection {

    /** The field of the scorecard answer this part fills. */
    String name();

    /** This part for the partner as of the instant: a record serialized as JSON. */
    Object of(String partnerId, Instant asOf);
}
