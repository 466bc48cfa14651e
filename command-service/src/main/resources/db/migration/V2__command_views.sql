-- Small command-side views, written by subscribing event handlers in the same transaction as the events.

-- Commands addressed by registration id find their opportunity here.
CREATE TABLE registration_lookup (
    registration_id VARCHAR(64)  NOT NULL PRIMARY KEY,
    opportunity_id  VARCHAR(64)  NOT NULL,
    partner_id      VARCHAR(64)  NOT NULL
);

-- Published policy versions; the highest version is in force.
CREATE TABLE policy_version (
    version      BIGINT      NOT NULL PRIMARY KEY,
    document     JSONB       NOT NULL,
    published_at TIMESTAMPTZ NOT NULL,
    published_by VARCHAR(255) NOT NULL
);
