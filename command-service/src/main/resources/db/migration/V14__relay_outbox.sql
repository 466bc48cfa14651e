-- What the Kafka relay still has to publish: one row per stored event, written by a trigger in the transaction that
-- stores the event and deleted by the relay once Kafka acknowledged it (acks=all).
--
-- Why not follow the event store by global index (a tracking processor)? A global index is taken when the row is
-- inserted, not when its transaction commits: a slow transaction commits an event with an index below ones already
-- published. A tracking processor waits for such a gap only for its gap timeout and then skips it for good, losing
-- the event. A row here becomes visible exactly when its event does, however late; per aggregate, events still commit
-- in sequence order (each needs its predecessor committed), so publishing in index order keeps their order.
CREATE TABLE relay_outbox (
    global_index BIGINT      NOT NULL PRIMARY KEY,
    enqueued_at  TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp()
);

CREATE FUNCTION leadledger_enqueue_for_relay() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    INSERT INTO relay_outbox (global_index) VALUES (NEW.globalindex);
    RETURN NULL;
END
$$;

CREATE TRIGGER domainevententry_relay
    AFTER INSERT ON domainevententry
    FOR EACH ROW EXECUTE FUNCTION leadledger_enqueue_for_relay();

-- Events stored before this migration are published once more: consumers deduplicate by event id, and the former
-- relay's position is not needed to be sure that none is missing.
INSERT INTO relay_outbox (global_index) SELECT globalindex FROM domainevententry;
