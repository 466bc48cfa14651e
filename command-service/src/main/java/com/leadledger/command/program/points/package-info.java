/**
 * The points ledger of each partner: awards driven by registration, win and penalty events under the policy in force
 * at their cause, expiry of each award's unspent remainder, and redemption within the policy's compliance caps.
 */
package com.leadledger.command.program.points;
