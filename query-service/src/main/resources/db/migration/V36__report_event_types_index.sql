-- The fairness reports read the events of a few types stored up to an instant (docs/reports.md).
CREATE INDEX event_log_type_occurred_idx ON event_log (event_type, occurred_at);
