package com.leadledger.command.program.points;

/**
 * A partner's points ledger is its own aggregate, named {@code PTS-} and the partner id, so that its id never collides
 * with the partner aggregate's (or any other aggregate's) id in the event store.
 */
public final class PointsLedgerIds {

    private static final String PREFIX = "PTS-";

    private PointsLedgerIds() {
    }

    public static String of(String partnerId) {
        return PREFIX + partnerId;
    }
}
