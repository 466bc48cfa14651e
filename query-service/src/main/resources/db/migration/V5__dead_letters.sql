-- Records the ingest could not apply, parked for an operator instead of being skipped or retried forever
-- (GET/POST /api/v1/admin/dead-letters). An event that has an identity is also in event_log: the copy of the history
-- stays complete and verifiable; only its application to the read models waits here.
--
-- Per-aggregate order: while an aggregate (sequence_key) has an open entry, its later events are stored in
-- event_log and queued here (status QUEUED) behind it, so no view ever applies them out of order. Other aggregates
-- continue. A record without an identity (its envelope cannot be read) has no sequence_key and blocks nothing.
CREATE TABLE dead_letter (
    id              bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    status          text        NOT NULL CHECK (status IN ('PARKED', 'QUEUED', 'RESOLVED')),
    reason          text        NOT NULL, -- envelope | payload | projection | queued
    sequence_key    text,                 -- the aggregate id; null: blocks nothing
    event_id        text,
    event_type      text,
    aggregate_type  text,
    aggregate_id    text,
    sequence_number bigint,
    in_event_log    boolean     NOT NULL,
    topic           text        NOT NULL,
    kafka_partition integer     NOT NULL,
    kafka_offset    bigint      NOT NULL,
    record_key      text,
    record_value    bytea,                -- the record exactly as consumed; a retry decodes it again
    error_class     text,
    error_message   text,
    parked_at       timestamptz NOT NULL,
    last_failed_at  timestamptz,
    attempts        integer     NOT NULL DEFAULT 0, -- failed rounds of applying it (the live one, then each retry)
    resolved_at     timestamptz,
    resolved_by     text,
    resolution      text CHECK (resolution IN ('APPLIED', 'DISCARDED')),
    resolution_note text                  -- why an operator discarded it
);

-- One entry per event; a record without identity once per position (consuming the topic again adds nothing).
CREATE UNIQUE INDEX dead_letter_event_idx ON dead_letter (event_id) WHERE event_id IS NOT NULL;
CREATE UNIQUE INDEX dead_letter_record_idx ON dead_letter (topic, kafka_partition, kafka_offset) WHERE event_id IS NULL;
CREATE INDEX dead_letter_open_idx ON dead_letter (sequence_key, id) WHERE status <> 'RESOLVED';
CREATE INDEX dead_letter_status_idx ON dead_letter (status, id);
CREATE INDEX dead_letter_aggregate_idx ON dead_letter (aggregate_id, id);
