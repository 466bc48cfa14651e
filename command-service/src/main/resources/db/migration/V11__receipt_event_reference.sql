-- The stored event behind each registration, so its receipt can carry that event's hash.
ALTER TABLE registration_lookup ADD COLUMN event_id VARCHAR(255);
