/**
 * Channel staff's opportunity page: the ranking ("who registered first"), the support history and the supported
 * registration, the customer's written preference (recorded for a move to cite), and the support decision (grant,
 * move, withdraw) with the justifications a move may cite.
 */
package com.leadledger.console.opportunity;
