package com.leadledger.console.review;

import com.leadledger.console.api.Money;

import java.time.Instant;
import java.util.List;

/** A registration awaiting review, as the query service's review queue gives it (oldest first). */
public record ReviewItem(String registrationId, String opportunityId, String partnerId, Customer customer,
                         String customerKey, String productLine, Money estimatedValue, Instant acceptedAt,
                         int position, Integer level, Instant slaDueAt, boolean slaBreached,
                         boolean earlierActiveExists, List<PossibleDuplicate> possibleDuplicates) {

    public record Customer(String legalName, String country, String taxId, String domain) {
    }

    /** Another customer key's active registration that may name the same customer, and why. */
    public record PossibleDuplicate(String registrationId, String partnerId, String legalName, String productLine,
                                    String status, double score, String reason) {
    }

    public ReviewItem {
        possibleDuplicates = possibleDuplicates == null ? List.of() : List.copyOf(possibleDuplicates);
    }
}
