package com.leadledger.command.policy;

/** Read access to published policy versions, injected into aggregates' handlers. */
public interface Policies {

    /** The version in force now. */
    PublishedPolicy inForce();

    /** A given published version. */
    PublishedPolicy version(long version);
}
