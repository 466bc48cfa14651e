package com.leadledger.events.opportunity;

import com.leadledger.events.customer.CustomerKey;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** Opportunity ids are derived deterministically from (customer key, product line). */
public final class OpportunityIds {

    private OpportunityIds() {
    }

    public static String idFor(CustomerKey customerKey, String productLine) {
        String name = "leadledger:opportunity:" + customerKey.value() + "|" + productLine;
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
    }
}
