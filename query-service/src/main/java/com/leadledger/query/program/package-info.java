/**
 * The partner program on the read side: the parts of a partner's scorecard ({@link
 * com.leadledger.query.program.ScorecardSection}), each folded from the event log as of an instant under the policy in
 * force then; the tier part here, the points and rebate parts and the rebate statements in the sub-packages.
 */
package com.leadledger.query.program;
