-- The registration view names the staff member who last approved or rejected it (lastDecisionBy, staff only):
-- existing documents get it from the actor of that decision in event_log, as a rebuild would.
UPDATE registration_view r
SET document = r.document || jsonb_build_object('lastDecisionBy', d.actor_id)
FROM (SELECT DISTINCT ON (payload->>'registrationId') payload->>'registrationId' AS registration_id,
             metadata->>'actorId' AS actor_id
      FROM event_log
      WHERE event_type IN ('RegistrationApproved', 'RegistrationRejected')
      ORDER BY payload->>'registrationId', global_index DESC) d
WHERE r.registration_id = d.registration_id;
