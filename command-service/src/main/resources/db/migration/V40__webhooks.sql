-- Partner webhooks (docs/webhooks.md).
--
-- webhook_outbox: what the webhook fan-out still has to look at, one row per stored event, written by a trigger in
-- the transaction that stores the event (as relay_outbox, and for the same reason: a tracking processor following
-- global indexes skips a slow transaction's event for good after its gap timeout; a row here becomes visible exactly
-- when its event does). The fan-out turns each event into deliveries for the partners it concerns and deletes the
-- row in one transaction: an event is fanned out once, however the instances crash.
CREATE TABLE webhook_outbox (
    global_index BIGINT      NOT NULL PRIMARY KEY,
    enqueued_at  TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp()
);

CREATE FUNCTION leadledger_enqueue_for_webhooks() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    INSERT INTO webhook_outbox (global_index) VALUES (NEW.globalindex);
    RETURN NULL;
END
$$;

CREATE TRIGGER domainevententry_webhooks
    AFTER INSERT ON domainevententry
    FOR EACH ROW EXECUTE FUNCTION leadledger_enqueue_for_webhooks();

-- The subscriptions in force, written with their events (command-side view). Secret ids only: the secrets are
-- derived from them with the service's signing key.
CREATE TABLE webhook_subscription (
    partner_id           TEXT        NOT NULL PRIMARY KEY,
    url                  TEXT        NOT NULL,
    event_types          TEXT[]      NOT NULL,
    secret_id            TEXT        NOT NULL,
    previous_secret_id   TEXT,
    previous_valid_until TIMESTAMPTZ
);

-- One row per event and partner to deliver to; retried until DELIVERED or, after the retry period, FAILED.
CREATE TABLE webhook_delivery (
    id               UUID        NOT NULL PRIMARY KEY,
    partner_id       TEXT        NOT NULL,
    event_id         TEXT        NOT NULL,
    event_type       TEXT        NOT NULL,
    body             TEXT        NOT NULL,
    status           TEXT        NOT NULL CHECK (status IN ('PENDING', 'DELIVERED', 'FAILED')),
    attempts         INT         NOT NULL DEFAULT 0,
    last_http_status INT,
    last_error       TEXT,
    created_at       TIMESTAMPTZ NOT NULL,
    retry_until      TIMESTAMPTZ NOT NULL,
    next_attempt_at  TIMESTAMPTZ NOT NULL,
    last_attempt_at  TIMESTAMPTZ,
    UNIQUE (partner_id, event_id, event_type)
);

CREATE INDEX webhook_delivery_due ON webhook_delivery (next_attempt_at) WHERE status = 'PENDING';
CREATE INDEX webhook_delivery_by_partner ON webhook_delivery (partner_id, created_at DESC, id);
