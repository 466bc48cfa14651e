/**
 * Wiring that belongs to no slice: which role may call which endpoint, rate limits and idempotency of POSTs,
 * and the clock.
 */
package com.leadledger.query.config;
