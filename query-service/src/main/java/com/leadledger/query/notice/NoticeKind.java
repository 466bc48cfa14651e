package com.leadledger.query.notice;

/** What a notice is about. */
public enum NoticeKind {
    /** An earlier registration by another partner was approved (anonymous: only its registration time). */
    EARLIER_REGISTRATION_EXISTS,
    REGISTRATION_APPROVED,
    REGISTRATION_REJECTED,
    PROTECTION_EXPIRED,
    EXTENSION_GRANTED,
    EXTENSION_REFUSED,
    /** The vendor now backs this registration. */
    SUPPORT_GRANTED,
    /** Vendor support moved from this registration to another one; the owner may open a SUPPORT_OVERRIDE dispute. */
    SUPPORT_MOVED_AWAY,
    /** The vendor no longer backs this registration (and no other one of the opportunity). */
    SUPPORT_WITHDRAWN,
    /** An upheld dispute revoked the registration's protection. */
    PROTECTION_REVOKED,
    /** An appeal decision reversed that revocation. */
    PROTECTION_RESTORED
}
