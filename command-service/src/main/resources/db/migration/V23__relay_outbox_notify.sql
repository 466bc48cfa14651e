-- Wakes the Kafka relay when events are stored instead of having it poll relay_outbox: every statement that adds
-- outbox rows sends a notification on this channel. PostgreSQL delivers it when (and only if) the transaction commits,
-- so the relay wakes exactly when the rows become visible, however late; notifications with the same channel and
-- payload in one transaction are folded into one. The relay LISTENs on a connection of its own and still polls now
-- and then (leadledger.relay.safety-poll) for what it could not hear, for example while that connection was down.
CREATE FUNCTION leadledger_notify_relay() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    PERFORM pg_notify('leadledger_relay_outbox', '');
    RETURN NULL;
END
$$;

CREATE TRIGGER relay_outbox_notify
    AFTER INSERT ON relay_outbox
    FOR EACH STATEMENT EXECUTE FUNCTION leadledger_notify_relay();
