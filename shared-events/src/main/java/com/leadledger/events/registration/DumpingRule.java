package com.leadledger.events.registration;

/** Why a WON outcome was flagged as possible price dumping. */
public enum DumpingRule {
    /** The final value implies a larger discount from the registered value than the one staff approved. */
    DISCOUNT_ABOVE_APPROVED,
    /** The final value is below the price floor of the registration's product line in the policy in force. */
    BELOW_POLICY_FLOOR
}
