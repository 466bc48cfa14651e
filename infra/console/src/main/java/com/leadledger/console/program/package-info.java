/**
 * The partner program in the console: a partner's scorecard as of an instant (tier with the next tier's requirements,
 * points with their history, rebates, the early-registration indicator) and its rebate statement per period with the
 * same statement as a CSV download, read from the query service under the user's token (the partner its own, staff
 * and auditors any partner's).
 */
package com.leadledger.console.program;
