-- Command-side view of the disputes, written by a subscribing event handler in the same transaction as their events:
-- the HTTP edge answers 404 to a partner that is not a party, and checks that named registrations fit the dispute.
CREATE TABLE dispute_lookup (
    dispute_id             VARCHAR(64) NOT NULL PRIMARY KEY,
    opportunity_id         VARCHAR(64) NOT NULL,
    complainant_partner_id VARCHAR(64),
    respondent_partner_id  VARCHAR(64),
    level                  INT         NOT NULL
);

CREATE INDEX registration_lookup_opportunity_idx ON registration_lookup (opportunity_id, partner_id);
