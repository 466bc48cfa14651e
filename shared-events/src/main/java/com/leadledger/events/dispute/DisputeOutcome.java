package com.leadledger.events.dispute;

/** The decision of a ruling: the complaint is upheld (effects may follow) or dismissed (no effects). */
public enum DisputeOutcome {
    UPHELD, DISMISSED
}
