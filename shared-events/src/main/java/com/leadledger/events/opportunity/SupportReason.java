package com.leadledger.events.opportunity;

/** Why vendor support may leave a registration that is still protected (DOMAIN.md, Vendor support decisions). */
public enum SupportReason { ARBITRATION_RULING, PARTNER_WITHDREW, PROTECTION_EXPIRED, CUSTOMER_WRITTEN_PREFERENCE }
