-- The full registration lifecycle (review clock, decisions, protection, extensions, outcome, vendor support), the
-- partners' notices, the opportunity's support history, partner views and the review queue's duplicate search.
--
-- Rows projected before this migration get the defaults below; the events they miss are in event_log, so a rebuild
-- of the projections from event_log fills them in.

-- Trigram similarity: a fast, index-backed pre-selection of names that may be similar; the Jaro-Winkler score that
-- decides is computed by the service. pg_trgm is a trusted extension (PostgreSQL 13+): the database owner may create
-- it. It ships with PostgreSQL's contrib modules (present in the embedded binaries and the official images).
CREATE EXTENSION IF NOT EXISTS pg_trgm;

ALTER TABLE registration_view
    -- CustomerNames.normalize(customer_legal_name), written by the projection: compared for possible duplicates.
    ADD COLUMN customer_name_normalized        text,
    ADD COLUMN discount_percent                numeric,
    ADD COLUMN protection_days                 integer,
    ADD COLUMN protected_until                 timestamptz,
    ADD COLUMN supported                       boolean NOT NULL DEFAULT false,
    ADD COLUMN review_level                    integer,
    ADD COLUMN review_due_at                   timestamptz,
    ADD COLUMN extensions_granted              integer NOT NULL DEFAULT 0,
    ADD COLUMN pending_extension_id            text,
    ADD COLUMN pending_extension_days          integer,
    ADD COLUMN pending_extension_reason        text,
    ADD COLUMN pending_extension_requested_at  timestamptz,
    ADD COLUMN rejection_reason_code           text,
    ADD COLUMN rejection_note                  text,
    ADD COLUMN rejection_earlier_registered_at timestamptz,
    ADD COLUMN outcome_result                  text,
    ADD COLUMN outcome_final_value_amount      numeric,
    ADD COLUMN outcome_final_value_currency    text,
    ADD COLUMN outcome_reason                  text,
    ADD COLUMN outcome_reported_at             timestamptz,
    ADD COLUMN decided_at                      timestamptz;

-- The review queue: submitted registrations, oldest first, optionally of one escalation level.
CREATE INDEX registration_view_queue_idx ON registration_view (accepted_at, registration_id)
    WHERE status = 'SUBMITTED';
CREATE INDEX registration_view_queue_level_idx ON registration_view (review_level, accepted_at, registration_id)
    WHERE status = 'SUBMITTED';

-- Possible duplicates are searched among active registrations only: by domain, by key and by similar name.
CREATE INDEX registration_view_active_domain_idx ON registration_view (customer_domain)
    WHERE status IN ('SUBMITTED', 'APPROVED');
CREATE INDEX registration_view_active_key_idx ON registration_view (customer_key)
    WHERE status IN ('SUBMITTED', 'APPROVED');
CREATE INDEX registration_view_active_name_trgm_idx ON registration_view
    USING gin (customer_name_normalized gin_trgm_ops)
    WHERE status IN ('SUBMITTED', 'APPROVED');

-- The registration the vendor backs, if any (at most one per opportunity).
ALTER TABLE opportunity_view
    ADD COLUMN supported_registration_id text;

-- What a partner was told, one row per notice, written once by the projections. Never names another partner, its
-- registration or its deal: the message is generated from the event and only ever carries times and codes.
CREATE TABLE notice (
    notice_id       text        PRIMARY KEY, -- the event id, or event id + ':' + suffix when one event yields several
    event_id        text        NOT NULL,
    global_index    bigint      NOT NULL,
    partner_id      text        NOT NULL,    -- the recipient
    registration_id text        NOT NULL,    -- the recipient's own registration
    opportunity_id  text        NOT NULL,
    kind            text        NOT NULL,
    message         text        NOT NULL,
    occurred_at     timestamptz NOT NULL
);

CREATE INDEX notice_partner_idx ON notice (partner_id, occurred_at DESC, global_index DESC, notice_id DESC);
CREATE INDEX notice_registration_idx ON notice (registration_id, occurred_at DESC);

-- Every vendor support decision on an opportunity, in stream order.
CREATE TABLE support_history (
    event_id             text        PRIMARY KEY,
    opportunity_id       text        NOT NULL,
    sequence_number      bigint      NOT NULL,
    action               text        NOT NULL, -- GRANTED | MOVED | WITHDRAWN
    from_registration_id text,
    to_registration_id   text,
    from_partner_id      text,
    to_partner_id        text,
    reason_code          text,
    ruling_dispute_id    text,
    evidence_sha256      text,
    note                 text,
    at                   timestamptz NOT NULL,
    actor_id             text
);

CREATE INDEX support_history_opportunity_idx ON support_history (opportunity_id, sequence_number);

-- One row per partner of the channel program.
CREATE TABLE partner_view (
    partner_id        text        PRIMARY KEY,
    name              text        NOT NULL,
    tier              text        NOT NULL,
    product_lines     text[]      NOT NULL,
    status            text        NOT NULL, -- ACTIVE | SUSPENDED
    webhook_url       text,
    onboarded_at      timestamptz NOT NULL,
    suspended_at      timestamptz,
    suspension_reason text,
    penalty_points    integer     NOT NULL DEFAULT 0,
    updated_at        timestamptz NOT NULL,
    last_event_id     text        NOT NULL
);

CREATE INDEX partner_view_name_idx ON partner_view (name, partner_id);
CREATE INDEX partner_view_status_idx ON partner_view (status, name, partner_id);
