/**
 * The Kafka ingest: stores each event in event_log once per event id and applies it to every projection in the
 * same transaction; retries passing failures, parks the rest; reads event_log back for folds.
 */
package com.leadledger.query.ingest;
