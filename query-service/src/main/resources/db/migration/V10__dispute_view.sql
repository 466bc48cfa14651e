-- Disputes as staff and parties read them. The whole immutable DisputeView record (parties, evidence, rulings,
-- timeline with each entry's audience) is kept as one JSON document, written whole by the projection; the columns
-- repeat the members that queues and lists filter and sort on. (V3 to V9 are left to other query-side tables.)
CREATE TABLE dispute_view (
    dispute_id             text        PRIMARY KEY,
    type                   text        NOT NULL,
    status                 text        NOT NULL, -- OPEN | CLOSED
    level                  integer     NOT NULL, -- 1 channel manager, 2 channel director, 3 arbitration committee
    opportunity_id         text        NOT NULL,
    complainant_partner_id text,                 -- null when staff opened it
    respondent_partner_id  text,                 -- null until staff link the respondent
    assignee               text,
    opened_at              timestamptz NOT NULL,
    sla_due_at             timestamptz,          -- null while closed
    updated_at             timestamptz NOT NULL,
    last_event_id          text        NOT NULL,
    document               jsonb       NOT NULL
);

-- The arbitration queue: open disputes of a level, most urgent first.
CREATE INDEX dispute_view_queue_idx ON dispute_view (level, sla_due_at, dispute_id) WHERE status = 'OPEN';
CREATE INDEX dispute_view_status_idx ON dispute_view (status, opened_at DESC);
-- A partner's own disputes, as complainant or as respondent; a partner's dispute history for staff.
CREATE INDEX dispute_view_complainant_idx ON dispute_view (complainant_partner_id, opened_at DESC);
CREATE INDEX dispute_view_respondent_idx ON dispute_view (respondent_partner_id, opened_at DESC);
CREATE INDEX dispute_view_opportunity_idx ON dispute_view (opportunity_id);
