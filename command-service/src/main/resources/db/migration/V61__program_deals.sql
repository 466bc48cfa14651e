-- Each registration as the partner program counts it: when it was submitted against its expected close (the
-- early-registration share) and what it was won for (tier revenue, points, rebate volume). Written with the events
-- (ProgramDeals), and filled here from the history already stored.
CREATE TABLE program_deal (
    registration_id     VARCHAR(64)    NOT NULL PRIMARY KEY,
    partner_id          VARCHAR(64)    NOT NULL,
    product_line        VARCHAR(64)    NOT NULL,
    expected_close_date DATE           NOT NULL,
    submitted_at        TIMESTAMPTZ    NOT NULL,
    won_amount          NUMERIC(24, 4),
    won_currency        CHAR(3),
    won_at              TIMESTAMPTZ
);
CREATE INDEX program_deal_partner_submitted ON program_deal (partner_id, submitted_at);
CREATE INDEX program_deal_partner_won ON program_deal (partner_id, won_at) WHERE won_at IS NOT NULL;

INSERT INTO program_deal (registration_id, partner_id, product_line, expected_close_date, submitted_at)
SELECT p ->> 'registrationId', p ->> 'partnerId', p ->> 'productLine', (p ->> 'expectedCloseDate')::DATE,
       (p ->> 'acceptedAt')::TIMESTAMPTZ
FROM (SELECT convert_from(payload, 'UTF8')::JSONB AS p
      FROM domainevententry
      WHERE payloadtype = 'com.leadledger.events.registration.RegistrationSubmitted') submitted
ON CONFLICT (registration_id) DO NOTHING;

UPDATE program_deal d
SET won_amount = (w.p -> 'finalValue' ->> 'amount')::NUMERIC,
    won_currency = w.p -> 'finalValue' ->> 'currency',
    won_at = (w.p ->> 'reportedAt')::TIMESTAMPTZ
FROM (SELECT convert_from(payload, 'UTF8')::JSONB AS p
      FROM domainevententry
      WHERE payloadtype = 'com.leadledger.events.registration.RegistrationWon') w
WHERE d.registration_id = w.p ->> 'registrationId';
