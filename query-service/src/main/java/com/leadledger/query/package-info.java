/**
 * Read side of Lead Ledger: Kafka → event_log → read models in PostgreSQL → read API. One package per context
 * (view, transitions, repository, endpoints); the machinery lives in projection, ingest, deadletter and rebuild.
 */
package com.leadledger.query;
