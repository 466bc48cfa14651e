-- The query side's own copy of every event it received from Kafka, and the first read models built from it.

-- Append-only copy of the event store as published on the topic. One row per event id; redelivered records
-- are ignored (INSERT ... ON CONFLICT (event_id) DO NOTHING). Rebuilds and point-in-time views read from here.
CREATE TABLE event_log (
    event_id        text        PRIMARY KEY,
    global_index    bigint      NOT NULL,
    aggregate_type  text        NOT NULL,
    aggregate_id    text        NOT NULL,
    sequence_number bigint      NOT NULL,
    event_type      text        NOT NULL,
    occurred_at     timestamptz NOT NULL,
    metadata        jsonb       NOT NULL DEFAULT '{}'::jsonb,
    payload         jsonb       NOT NULL,
    schema_version  integer     NOT NULL,
    received_at     timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX event_log_aggregate_idx ON event_log (aggregate_id, sequence_number);
CREATE INDEX event_log_global_index_idx ON event_log (global_index);

-- Nothing may change or remove a stored event.
CREATE FUNCTION event_log_is_append_only() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    RAISE EXCEPTION 'event_log is append-only: % is not allowed', TG_OP;
END;
$$;

CREATE TRIGGER event_log_no_update_or_delete
    BEFORE UPDATE OR DELETE ON event_log
    FOR EACH ROW EXECUTE FUNCTION event_log_is_append_only();

CREATE TRIGGER event_log_no_truncate
    BEFORE TRUNCATE ON event_log
    FOR EACH STATEMENT EXECUTE FUNCTION event_log_is_append_only();

-- One row per registration, folded from the Opportunity aggregate's registration events.
CREATE TABLE registration_view (
    registration_id          text        PRIMARY KEY,
    opportunity_id           text        NOT NULL,
    partner_id               text        NOT NULL,
    position                 integer     NOT NULL,
    status                   text        NOT NULL,
    customer_legal_name      text        NOT NULL,
    customer_country         text        NOT NULL,
    customer_tax_id          text,
    customer_domain          text,
    customer_region          text,
    customer_key             text        NOT NULL,
    product_line             text        NOT NULL,
    estimated_value_amount   numeric     NOT NULL,
    estimated_value_currency text        NOT NULL,
    expected_close_date      date        NOT NULL,
    description              text,
    accepted_at              timestamptz NOT NULL,
    policy_version           bigint      NOT NULL,
    withdrawn_at             timestamptz,
    withdrawal_reason        text,
    updated_at               timestamptz NOT NULL,
    last_event_id            text        NOT NULL
);

-- Lists are newest first, so every filter index also carries the sort key.
CREATE INDEX registration_view_partner_idx ON registration_view (partner_id, accepted_at DESC);
CREATE INDEX registration_view_status_idx ON registration_view (status, accepted_at DESC);
CREATE INDEX registration_view_product_line_idx ON registration_view (product_line, accepted_at DESC);
CREATE INDEX registration_view_accepted_at_idx ON registration_view (accepted_at DESC);
CREATE INDEX registration_view_ranking_idx ON registration_view (opportunity_id, position);

-- One row per opportunity (customer key, product line); its ranking is read from registration_view.
CREATE TABLE opportunity_view (
    opportunity_id text        PRIMARY KEY,
    customer_key   text        NOT NULL,
    product_line   text        NOT NULL,
    opened_at      timestamptz NOT NULL,
    updated_at     timestamptz NOT NULL,
    last_event_id  text        NOT NULL
);

-- Every published policy version, so that decisions can be read next to the rules they applied.
CREATE TABLE policy_view (
    version       bigint      PRIMARY KEY,
    published_at  timestamptz NOT NULL,
    published_by  text,
    document      jsonb       NOT NULL,
    last_event_id text        NOT NULL
);
