-- The relay's and the webhook fan-out's outbox rows of one commit are enqueued once per statement, from the rows the
-- statement inserted (a transition table), instead of by two triggers per row: the events of a commit are stored with
-- one multi-row INSERT (MultiRowEventInsert), so a first registration's three events fired six trigger calls and six
-- single-row inserts, and now fire one call and two inserts. The rows enqueued are the same, in the same transaction
-- (V14 and V40 say why the outboxes exist). The heads trigger (V30) stays on its own: it needs its owner's rights.
CREATE FUNCTION leadledger_enqueue_for_outboxes() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    INSERT INTO relay_outbox (global_index) SELECT globalindex FROM inserted_events;
    INSERT INTO webhook_outbox (global_index) SELECT globalindex FROM inserted_events;
    RETURN NULL;
END
$$;

CREATE TRIGGER domainevententry_outboxes
    AFTER INSERT ON domainevententry
    REFERENCING NEW TABLE AS inserted_events
    FOR EACH STATEMENT EXECUTE FUNCTION leadledger_enqueue_for_outboxes();

DROP TRIGGER domainevententry_relay ON domainevententry;
DROP TRIGGER domainevententry_webhooks ON domainevententry;
DROP FUNCTION leadledger_enqueue_for_relay();
DROP FUNCTION leadledger_enqueue_for_webhooks();
