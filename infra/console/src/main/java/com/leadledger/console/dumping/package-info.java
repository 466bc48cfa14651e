/**
 * The possible-dumping queue for staff: flags raised by won deals with their numbers, a PRICE_DUMPING dispute opened
 * from a flag with a pre-filled description, or the flag dismissed with a reason. Auditors read the queue.
 */
package com.leadledger.console.dumping;
