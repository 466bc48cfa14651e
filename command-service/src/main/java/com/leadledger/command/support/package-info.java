/**
 * Vendor support decisions: grant, move and withdraw support with a reason that must hold. The command and its HTTP
 * adapter; the Opportunity aggregate of the registration slice enforces the rules.
 */
package com.leadledger.command.support;
