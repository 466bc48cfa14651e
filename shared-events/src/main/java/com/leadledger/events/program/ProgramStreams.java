package com.leadledger.events.program;

/**
 * The ids of the program's event streams. Each starts with a name and a colon, a character partner ids may not
 * contain, so a program stream never shares its id with a partner's or any other aggregate's stream.
 */
public final class ProgramStreams {

    private ProgramStreams() {
    }

    /** The stream of a partner's points ledger. */
    public static String pointsLedger(String partnerId) {
        return "points:" + partnerId;
    }
}
