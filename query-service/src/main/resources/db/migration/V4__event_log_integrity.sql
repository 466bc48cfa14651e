-- The stored form and hash-chain links of each event, as the command side's event store holds them (envelope schema 2),
-- so that the query side's copy can be verified on its own (GET /api/v1/audit/verify). Null for schema-1 envelopes.
-- Adding columns is the only change event_log ever gets; its rows stay append-only.
ALTER TABLE event_log ADD COLUMN previous_hash BYTEA;
ALTER TABLE event_log ADD COLUMN event_hash BYTEA;
ALTER TABLE event_log ADD COLUMN stored_payload_type VARCHAR(255);
ALTER TABLE event_log ADD COLUMN stored_payload_revision VARCHAR(255);
ALTER TABLE event_log ADD COLUMN stored_timestamp VARCHAR(255);
ALTER TABLE event_log ADD COLUMN stored_payload BYTEA;
ALTER TABLE event_log ADD COLUMN stored_metadata BYTEA;
