-- Idempotency-Key handling for the query side's POST endpoints (service-kit's IdempotencyFilter), as on the command
-- side (its V13__idempotency_keys.sql): one row per caller and key, kept for the retention period.
CREATE TABLE idempotency_key (
    scope        VARCHAR(200) NOT NULL,
    idem_key     VARCHAR(128) NOT NULL,
    fingerprint  CHAR(64)     NOT NULL,
    status       INT,
    content_type VARCHAR(200),
    body         BYTEA,
    created_at   TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (scope, idem_key)
);
CREATE INDEX idempotency_key_created_at_idx ON idempotency_key (created_at);
