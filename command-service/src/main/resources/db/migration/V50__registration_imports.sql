-- Registrations imported from a partner's CSV file (docs/api.md, "Importing registrations"). A file is one import per
-- partner and content: sending the same bytes again finds the same import. Each row keeps its cells as sent and the
-- registration id it files under; its outcome is written in the transaction that records its registration (ACCEPTED)
-- or after the rules refused it (REFUSED), so a row is filed at most once whatever crashes in between.
CREATE TABLE registration_import (
    import_id   TEXT PRIMARY KEY,
    partner_id  TEXT        NOT NULL,
    actor_id    TEXT        NOT NULL,
    file_sha256 TEXT        NOT NULL,
    row_count   INTEGER     NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL,
    UNIQUE (partner_id, file_sha256)
);

CREATE TABLE registration_import_row (
    import_id       TEXT    NOT NULL REFERENCES registration_import (import_id),
    row_number      INTEGER NOT NULL,
    registration_id TEXT    NOT NULL,
    cells           JSONB   NOT NULL,
    outcome         TEXT CHECK (outcome IN ('ACCEPTED', 'REFUSED')),
    opportunity_id  TEXT,
    accepted_at     TIMESTAMPTZ,
    receipt         JSONB,
    problem         JSONB,
    decided_at      TIMESTAMPTZ,
    PRIMARY KEY (import_id, row_number)
);

-- the rows still to file, oldest import first
CREATE INDEX registration_import_row_pending ON registration_import_row (import_id, row_number) WHERE outcome IS NULL;
