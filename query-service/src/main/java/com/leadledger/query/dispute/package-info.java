/**
 * Disputes: the dispute view (parties, evidence, rulings, a timeline with audiences) with its transitions, its table
 * dispute_view, and the arbitration queue and dispute endpoints for staff and for the parties.
 */
package com.leadledger.query.dispute;
