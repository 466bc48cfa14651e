package com.leadledger.events.dispute;

/** What a dispute is about (DOMAIN.md, "Disputes, escalation and arbitration"). */
public enum DisputeType {
    /** A partner contests a ranking or review decision ("I registered first"). */
    DUPLICATE_CLAIM,
    /** A partner alleges that another party undercut it with a discount it was not entitled to. */
    PRICE_DUMPING,
    /** A partner contests a vendor-support move. */
    SUPPORT_OVERRIDE
}
