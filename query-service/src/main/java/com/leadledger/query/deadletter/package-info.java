/**
 * The dead-letter store: events the ingest could not apply, parked with their aggregate's later events queued
 * behind them, and the operators' endpoints to inspect, retry and discard them.
 */
package com.leadledger.query.deadletter;
