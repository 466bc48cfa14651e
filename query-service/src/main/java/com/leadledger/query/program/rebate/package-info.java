/** Rebate statements per partner and period, as JSON or CSV, and the scorecard's rebates part. */
package com.leadledger.query.program.rebate;
