/**
 * Possible price dumping: staff dismiss a flag raised by a WON outcome, or open a PRICE_DUMPING dispute pre-filled
 * from it. The flag itself is raised by the Opportunity aggregate when the outcome is recorded.
 */
package com.leadledger.command.dumping;
