/**
 * Auditors in the console: search, an opportunity's history as of any instant (the time slider) with what each
 * decider saw, verification of the history with its progress, checkpoints and reconciliation, and receipt checks.
 * Everything is read from the API under the auditor's token; only the receipt's signature is checked here.
 */
package com.leadledger.console.audit;
