package com.leadledger.command.registration;

import com.leadledger.events.registration.RegistrationStatus;

import com.leadledger.events.common.Money;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * The opportunity's memory of one registration: just what its rules compare. Immutable; every change is a new value
 * made in an event-sourcing handler.
 */
record FiledRegistration(
        String registrationId,
        String partnerId,
        int position,
        Instant acceptedAt,
        RegistrationStatus status,
        int reviewLevel,
        Instant reviewDueAt,
        Instant protectedUntil,
        int extensionsGranted,
        String pendingExtensionId,
        int pendingExtensionDays,
        String revokedByDisputeId,
        Money registeredValue,
        BigDecimal approvedDiscountPercent) {

    static FiledRegistration submitted(String registrationId, String partnerId, int position, Instant acceptedAt,
                                       Money registeredValue) {
        return new FiledRegistration(registrationId, partnerId, position, acceptedAt, RegistrationStatus.SUBMITTED,
                1, null, null, 0, null, 0, null, registeredValue, null);
    }

    FiledRegistration withStatus(RegistrationStatus newStatus) {
        return new FiledRegistration(registrationId, partnerId, position, acceptedAt, newStatus, reviewLevel,
                reviewDueAt, protectedUntil, extensionsGranted, null, 0, revokedByDisputeId, registeredValue,
                approvedDiscountPercent);
    }

    FiledRegistration withReview(int level, Instant dueAt) {
        return new FiledRegistration(registrationId, partnerId, position, acceptedAt, status, level, dueAt,
                protectedUntil, extensionsGranted, pendingExtensionId, pendingExtensionDays, revokedByDisputeId, registeredValue,
                approvedDiscountPercent);
    }

    FiledRegistration approvedUntil(Instant until, BigDecimal discountPercent) {
        return new FiledRegistration(registrationId, partnerId, position, acceptedAt, RegistrationStatus.APPROVED,
                reviewLevel, reviewDueAt, until, extensionsGranted, null, 0, null, registeredValue, discountPercent);
    }

    FiledRegistration withPendingExtension(String requestId, int days) {
        return new FiledRegistration(registrationId, partnerId, position, acceptedAt, status, reviewLevel,
                reviewDueAt, protectedUntil, extensionsGranted, requestId, days, revokedByDisputeId, registeredValue,
                approvedDiscountPercent);
    }

    FiledRegistration extendedUntil(Instant until) {
        return new FiledRegistration(registrationId, partnerId, position, acceptedAt, status, reviewLevel,
                reviewDueAt, until, extensionsGranted + 1, null, 0, revokedByDisputeId, registeredValue,
                approvedDiscountPercent);
    }

    FiledRegistration withoutPendingExtension() {
        return new FiledRegistration(registrationId, partnerId, position, acceptedAt, status, reviewLevel,
                reviewDueAt, protectedUntil, extensionsGranted, null, 0, revokedByDisputeId, registeredValue,
                approvedDiscountPercent);
    }

    /** An upheld dispute revoked it; {@code protectedUntil} is kept so that a reversal can restore it. */
    FiledRegistration revokedBy(String disputeId) {
        return new FiledRegistration(registrationId, partnerId, position, acceptedAt, RegistrationStatus.REVOKED,
                reviewLevel, reviewDueAt, protectedUntil, extensionsGranted, null, 0, disputeId, registeredValue,
                approvedDiscountPercent);
    }

    /** An appeal reversed the revocation: back to {@code status} (APPROVED or EXPIRED). */
    FiledRegistration restoredTo(RegistrationStatus status) {
        return new FiledRegistration(registrationId, partnerId, position, acceptedAt, status, reviewLevel,
                reviewDueAt, protectedUntil, extensionsGranted, null, 0, null, registeredValue,
                approvedDiscountPercent);
    }

    boolean isRevokedBy(String disputeId) {
        return status == RegistrationStatus.REVOKED && disputeId.equals(revokedByDisputeId);
    }

    boolean isActive() {
        return status.isActive();
    }

    boolean isProtectedAt(Instant now) {
        return status == RegistrationStatus.APPROVED && protectedUntil != null && now.isBefore(protectedUntil);
    }

    boolean isOwnedBy(String partner) {
        return partnerId.equals(partner);
    }
}
