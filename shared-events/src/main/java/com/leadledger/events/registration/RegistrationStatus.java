package com.leadledger.events.registration;

public enum RegistrationStatus {
    SUBMITTED, APPROVED, REJECTED, WITHDRAWN, WON, LOST, EXPIRED, REVOKED;

    /** A registration competes for its opportunity while it is submitted or approved. */
    public boolean isActive() {
        return this == SUBMITTED || this == APPROVED;
    }
}
