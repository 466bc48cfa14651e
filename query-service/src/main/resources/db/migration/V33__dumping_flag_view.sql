-- Possible-dumping flags as the staff queue reads them: the whole immutable DumpingFlagView record as one JSON
-- document, written whole by the projection; the columns repeat what the queue filters and sorts on.
CREATE TABLE dumping_flag_view (
    flag_id       text        PRIMARY KEY,
    status        text        NOT NULL, -- OPEN | DISMISSED | DISPUTED
    flagged_at    timestamptz NOT NULL,
    last_event_id text        NOT NULL,
    document      jsonb       NOT NULL
);

CREATE INDEX dumping_flag_view_queue_idx ON dumping_flag_view (status, flagged_at, flag_id);
