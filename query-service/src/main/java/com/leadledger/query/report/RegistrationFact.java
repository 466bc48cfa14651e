package com.leadledger.query.report;

import com.leadledger.events.registration.RegistrationStatus;

import java.time.Instant;
import java.time.LocalDate;

/**
 * What the reports need of one registration, as of the report's instant. Every instant is when the command side
 * stored the event (the same clock {@code asOf} is measured on).
 *
 * @param level            the review level it is (or was last) waiting at: 1 channel manager, 2 director, 3 committee
 * @param decision         APPROVED or REJECTED once reviewed, else null
 * @param levelAtDecision  the review level at which it was reviewed
 * @param everApproved     whether it was approved at some point (it may since be won, lost, expired or revoked)
 */
record RegistrationFact(String registrationId, String opportunityId, String partnerId, String productLine,
                        Instant acceptedAt, LocalDate expectedCloseDate, RegistrationStatus status, int level,
                        Instant protectedUntil, RegistrationStatus decision, Instant decidedAt, int levelAtDecision,
                        boolean everApproved) {

    static RegistrationFact submitted(String registrationId, String opportunityId, String partnerId,
                                      String productLine, Instant acceptedAt, LocalDate expectedCloseDate) {
        return new RegistrationFact(registrationId, opportunityId, partnerId, productLine, acceptedAt,
                expectedCloseDate, RegistrationStatus.SUBMITTED, 1, null, null, null, 0, false);
    }

    RegistrationFact atLevel(int newLevel) {
        return new RegistrationFact(registrationId, opportunityId, partnerId, productLine, acceptedAt,
                expectedCloseDate, status, newLevel, protectedUntil, decision, decidedAt, levelAtDecision,
                everApproved);
    }

    RegistrationFact approved(Instant at, Instant until) {
        return new RegistrationFact(registrationId, opportunityId, partnerId, productLine, acceptedAt,
                expectedCloseDate, RegistrationStatus.APPROVED, level, until,
                decision == null ? RegistrationStatus.APPROVED : decision, decidedAt == null ? at : decidedAt,
                decidedAt == null ? level : levelAtDecision, true);
    }

    RegistrationFact rejected(Instant at) {
        return new RegistrationFact(registrationId, opportunityId, partnerId, productLine, acceptedAt,
                expectedCloseDate, RegistrationStatus.REJECTED, level, protectedUntil,
                decision == null ? RegistrationStatus.REJECTED : decision, decidedAt == null ? at : decidedAt,
                decidedAt == null ? level : levelAtDecision, everApproved);
    }

    RegistrationFact protectedUntil(Instant until) {
        return new RegistrationFact(registrationId, opportunityId, partnerId, productLine, acceptedAt,
                expectedCloseDate, status, level, until, decision, decidedAt, levelAtDecision, everApproved);
    }

    RegistrationFact withStatus(RegistrationStatus next) {
        return new RegistrationFact(registrationId, opportunityId, partnerId, productLine, acceptedAt,
                expectedCloseDate, next, level, protectedUntil, decision, decidedAt, levelAtDecision, everApproved);
    }

    /** Whether it held protection at that instant: approved, and its protection not yet over. */
    boolean protectedAt(Instant at) {
        return status == RegistrationStatus.APPROVED && protectedUntil != null && protectedUntil.isAfter(at);
    }
}
