/** The scorecard's points part: a partner's balance and history folded from its points ledger as of an instant. */
package com.leadledger.query.program.points;
