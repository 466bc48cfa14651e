/**
 * Versioned policies: publishing only complete, sensible versions, and the read-only
 * {@link com.leadledger.command.policy.Policies} every rule consults for the version in force.
 */
package com.leadledger.command.policy;
