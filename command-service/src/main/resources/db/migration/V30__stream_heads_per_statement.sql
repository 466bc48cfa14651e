-- The command service stores the events of one commit with a single multi-row INSERT (MultiRowEventInsert), so the
-- stream heads are advanced once per statement instead of once per event: one upsert per stream over the rows the
-- statement inserted (a transition table), with the same outcome as the per-row trigger it replaces (V10, V22) —
-- last_sequence and head_hash of the stream's last row, event_count grown by the number of rows. Each row is still
-- chained by the BEFORE INSERT trigger; a row of a multi-row INSERT sees the rows before it in the same statement,
-- so the events of one commit chain to each other. Stored events and hashes are unchanged.
--
-- The function runs with its owner's rights, like the one it replaces (the application role has only SELECT on
-- stream_head), and pg_temp comes last on its path.
CREATE FUNCTION leadledger_advance_heads() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS
$$
BEGIN
    INSERT INTO stream_head AS head (aggregateidentifier, last_sequence, head_hash, event_count)
    SELECT DISTINCT ON (aggregateidentifier)
           aggregateidentifier, sequencenumber, event_hash, count(*) OVER (PARTITION BY aggregateidentifier)
    FROM inserted_events
    ORDER BY aggregateidentifier, sequencenumber DESC
    ON CONFLICT (aggregateidentifier) DO UPDATE
        SET last_sequence = EXCLUDED.last_sequence, head_hash = EXCLUDED.head_hash,
            event_count = head.event_count + EXCLUDED.event_count;
    RETURN NULL;
END
$$;

CREATE TRIGGER domainevententry_heads
    AFTER INSERT ON domainevententry
    REFERENCING NEW TABLE AS inserted_events
    FOR EACH STATEMENT EXECUTE FUNCTION leadledger_advance_heads();

DROP TRIGGER domainevententry_head ON domainevententry;
DROP FUNCTION leadledger_advance_head();
