package com.leadledger.query.review;

import com.leadledger.events.common.Money;
import com.leadledger.events.customer.CustomerIdentity;

import java.time.Instant;
import java.util.List;

/**
 * A registration awaiting review, as staff see it in the queue.
 *
 * @param level               the review escalation level (1 manager, 2 director, 3 committee); null before the review
 *                            clock started
 * @param slaDueAt            when the review at this level is due
 * @param slaBreached         {@code slaDueAt} has passed
 * @param earlierActiveExists another partner's active registration ranks ahead of it in the same opportunity: it
 *                            cannot be approved without an arbitration ruling naming it
 * @param possibleDuplicates  active registrations of other customer keys that may name the same customer
 */
record ReviewQueueItem(
        String registrationId,
        String opportunityId,
        String partnerId,
        CustomerIdentity customer,
        String customerKey,
        String productLine,
        Money estimatedValue,
        Instant acceptedAt,
        int position,
        Integer level,
        Instant slaDueAt,
        boolean slaBreached,
        boolean earlierActiveExists,
        List<PossibleDuplicate> possibleDuplicates) {

    /**
     * @param score  1.0 for the same domain, else the Jaro-Winkler similarity of the normalized names
     * @param reason {@code SAME_DOMAIN} or {@code SIMILAR_NAME}
     */
    public record PossibleDuplicate(String registrationId, String opportunityId, String partnerId, String customerKey,
                                    String legalName, String productLine, String status, double score,
                                    DuplicateRules.Reason reason) {
    }
}
