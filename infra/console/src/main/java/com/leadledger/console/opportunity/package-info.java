/**
 * Channel staff's opportunity page: the ranking ("who registered first"), the support history and the supported
 * registration, and the support decision (grant, move, withdraw) with the justifications a move may cite.
 */
package com.leadledger.console.opportunity;
