/**
 * Rebates of the partner program: the bracket arithmetic of the policy's rebate schedule (checked at
 * publication by the policy slice's {@code RebatePolicyRules}), and one {@code Rebate} aggregate
 * per partner and period that accrues once, when the period is closed by ADMIN.
 */
package com.leadledger.command.program.rebate;
