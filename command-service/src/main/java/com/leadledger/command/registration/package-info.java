/**
 * Registrations and their opportunity, the consistency boundary where every rule that compares registrations holds:
 * submission (validated against the policy in force, eligibility), positions, withdrawal, protection, outcome.
 */
package com.leadledger.command.registration;
