/**
 * Disputes and the arbitration ladder: opening, evidence, respondent, assignment, escalation with SLAs, rulings and
 * the one appeal, and the ruling effects carried out on the registration and partner slices.
 */
package com.leadledger.command.dispute;
