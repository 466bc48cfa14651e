/**
 * Staff review of registrations: approve (tier limits, first to register), reject, decide extension requests. The
 * commands and their HTTP adapter; the Opportunity aggregate of the registration slice enforces the rules.
 */
package com.leadledger.command.review;
