/**
 * Auditors: the ordered history of aggregates, point-in-time views and decision contexts folded from event_log,
 * and the integrity checks of this service's copy (hash chains, checkpoints, reconciliation).
 */
package com.leadledger.query.audit;
