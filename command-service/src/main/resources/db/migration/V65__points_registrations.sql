-- Whether each registration is currently approved, for the points redemption rule "an extra discount only on the
-- partner's own approved registration". Written with the events (PointsRegistrations), and filled here from the
-- history already stored: the last status event of each registration decides.
CREATE TABLE points_registration (
    registration_id VARCHAR(64) NOT NULL PRIMARY KEY,
    partner_id      VARCHAR(64) NOT NULL,
    approved        BOOLEAN     NOT NULL
);

INSERT INTO points_registration (registration_id, partner_id, approved)
SELECT DISTINCT ON (p ->> 'registrationId') p ->> 'registrationId', p ->> 'partnerId',
       type = 'com.leadledger.events.registration.RegistrationApproved'
           OR (type = 'com.leadledger.events.registration.RegistrationRevocationReversed' AND p ->> 'status' = 'APPROVED')
FROM (SELECT convert_from(payload, 'UTF8')::JSONB AS p, payloadtype AS type, globalindex
      FROM domainevententry
      WHERE payloadtype IN ('com.leadledger.events.registration.RegistrationApproved',
                            'com.leadledger.events.registration.RegistrationWon',
                            'com.leadledger.events.registration.RegistrationLost',
                            'com.leadledger.events.registration.RegistrationExpired',
                            'com.leadledger.events.registration.RegistrationWithdrawn',
                            'com.leadledger.events.registration.RegistrationRevoked',
                            'com.leadledger.events.registration.RegistrationRevocationReversed')) status
ORDER BY p ->> 'registrationId', globalindex DESC
ON CONFLICT (registration_id) DO NOTHING;
