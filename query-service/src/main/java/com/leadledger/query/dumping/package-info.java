/**
 * The possible-dumping queue: flags raised by WON outcomes whose final value implies a discount beyond the approved one
 * or lies below the policy's price floor, with their numbers and what staff did with them (dismissed, or taken to a
 * PRICE_DUMPING dispute); read by channel staff, arbitration staff and auditors, never by partners.
 */
package com.leadledger.query.dumping;
