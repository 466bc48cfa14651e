-- Auditors' point-in-time views and partner timelines find events by what their payload names, not only by stream:
-- effects that cite a dispute, and everything that concerns a partner. Expression indexes keep those lookups off
-- sequential scans of event_log. (Not partial indexes: the planner cannot prove `payload ? 'x'`
-- from `payload->>'x' = …`, so it would never use them.)
CREATE INDEX event_log_dispute_ref_idx ON event_log ((payload->>'disputeId'));
CREATE INDEX event_log_ruling_dispute_ref_idx ON event_log ((payload->>'rulingDisputeId'));
CREATE INDEX event_log_partner_ref_idx ON event_log ((payload->>'partnerId'));
CREATE INDEX event_log_actor_partner_idx ON event_log ((metadata->>'partnerId'));
CREATE INDEX event_log_moved_from_partner_idx ON event_log ((payload->>'fromPartnerId'));
CREATE INDEX event_log_moved_to_partner_idx ON event_log ((payload->>'toPartnerId'));
CREATE INDEX event_log_complainant_idx ON event_log ((payload->>'complainantPartnerId'));
CREATE INDEX event_log_respondent_idx ON event_log ((payload->>'respondentPartnerId'));
