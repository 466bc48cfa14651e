-- Tamper evidence for the event store (README, "Audit: verifying the history").
--
-- 1. Every event row gets previous_hash and event_hash, computed by the database at insert time:
--      event_hash = SHA-256(previous_hash || canonical)
--    previous_hash is the event_hash of the same stream's previous event (32 zero bytes for sequence 0), and
--    canonical is the concatenation of these fields, each as a 4-byte big-endian length followed by its bytes:
--      eventidentifier, aggregateidentifier, sequencenumber (decimal text), type, payloadtype, payloadrevision,
--      timestamp (as stored), payload, metadata   -- text fields UTF-8; absent fields are empty
-- 2. stream_head keeps each stream's last sequence number and hash, so that removing or appending an event at the end
--    of a stream is detected too.
-- 3. The event table is append-only: UPDATE, DELETE and TRUNCATE are refused by triggers.

ALTER TABLE domainevententry ADD COLUMN previous_hash BYTEA;
ALTER TABLE domainevententry ADD COLUMN event_hash BYTEA;

CREATE FUNCTION leadledger_field(value BYTEA) RETURNS BYTEA
    LANGUAGE sql IMMUTABLE AS
$$ SELECT int4send(octet_length(coalesce(value, ''::bytea))) || coalesce(value, ''::bytea) $$;

CREATE FUNCTION leadledger_event_canonical(e domainevententry) RETURNS BYTEA
    LANGUAGE sql STABLE AS
$$
SELECT leadledger_field(convert_to(e.eventidentifier, 'UTF8'))
    || leadledger_field(convert_to(e.aggregateidentifier, 'UTF8'))
    || leadledger_field(convert_to(e.sequencenumber::text, 'UTF8'))
    || leadledger_field(convert_to(coalesce(e.type, ''), 'UTF8'))
    || leadledger_field(convert_to(e.payloadtype, 'UTF8'))
    || leadledger_field(convert_to(coalesce(e.payloadrevision, ''), 'UTF8'))
    || leadledger_field(convert_to(e.timestamp, 'UTF8'))
    || leadledger_field(e.payload)
    || leadledger_field(e.metadata)
$$;

CREATE FUNCTION leadledger_chain_event() RETURNS trigger
    LANGUAGE plpgsql AS
$$
DECLARE
    prev BYTEA;
BEGIN
    IF NEW.sequencenumber = 0 THEN
        prev := decode(repeat('00', 32), 'hex');
    ELSE
        SELECT event_hash INTO prev FROM domainevententry
        WHERE aggregateidentifier = NEW.aggregateidentifier AND sequencenumber = NEW.sequencenumber - 1;
        IF prev IS NULL THEN
            RAISE EXCEPTION 'event % of stream % has no predecessor to chain to', NEW.sequencenumber,
                NEW.aggregateidentifier USING ERRCODE = 'integrity_constraint_violation';
        END IF;
    END IF;
    NEW.previous_hash := prev;
    NEW.event_hash := sha256(prev || leadledger_event_canonical(NEW));
    RETURN NEW;
END
$$;

CREATE TRIGGER domainevententry_chain
    BEFORE INSERT ON domainevententry
    FOR EACH ROW EXECUTE FUNCTION leadledger_chain_event();

CREATE TABLE stream_head (
    aggregateidentifier VARCHAR(255) NOT NULL PRIMARY KEY,
    last_sequence       BIGINT       NOT NULL,
    head_hash           BYTEA        NOT NULL,
    event_count         BIGINT       NOT NULL
);

CREATE FUNCTION leadledger_advance_head() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    INSERT INTO stream_head (aggregateidentifier, last_sequence, head_hash, event_count)
    VALUES (NEW.aggregateidentifier, NEW.sequencenumber, NEW.event_hash, 1)
    ON CONFLICT (aggregateidentifier) DO UPDATE
        SET last_sequence = EXCLUDED.last_sequence, head_hash = EXCLUDED.head_hash,
            event_count = stream_head.event_count + 1;
    RETURN NULL;
END
$$;

CREATE TRIGGER domainevententry_head
    AFTER INSERT ON domainevententry
    FOR EACH ROW EXECUTE FUNCTION leadledger_advance_head();

-- Events stored before this migration (none in a new installation) are chained now, stream by stream, in order.
DO
$$
DECLARE
    r RECORD;
    prev BYTEA;
BEGIN
    FOR r IN SELECT * FROM domainevententry ORDER BY aggregateidentifier, sequencenumber LOOP
        IF r.sequencenumber = 0 THEN
            prev := decode(repeat('00', 32), 'hex');
        END IF;
        UPDATE domainevententry SET previous_hash = prev, event_hash = sha256(prev || leadledger_event_canonical(r))
        WHERE globalindex = r.globalindex;
        prev := sha256(prev || leadledger_event_canonical(r));
        INSERT INTO stream_head (aggregateidentifier, last_sequence, head_hash, event_count)
        VALUES (r.aggregateidentifier, r.sequencenumber, prev, 1)
        ON CONFLICT (aggregateidentifier) DO UPDATE
            SET last_sequence = EXCLUDED.last_sequence, head_hash = EXCLUDED.head_hash,
                event_count = stream_head.event_count + 1;
    END LOOP;
END
$$;

ALTER TABLE domainevententry ALTER COLUMN previous_hash SET NOT NULL;
ALTER TABLE domainevententry ALTER COLUMN event_hash SET NOT NULL;

CREATE FUNCTION leadledger_refuse_change() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
END
$$;

CREATE TRIGGER domainevententry_append_only
    BEFORE UPDATE OR DELETE ON domainevententry
    FOR EACH ROW EXECUTE FUNCTION leadledger_refuse_change();

CREATE TRIGGER domainevententry_no_truncate
    BEFORE TRUNCATE ON domainevententry
    FOR EACH STATEMENT EXECUTE FUNCTION leadledger_refuse_change();

CREATE TRIGGER stream_head_no_delete
    BEFORE DELETE ON stream_head
    FOR EACH ROW EXECUTE FUNCTION leadledger_refuse_change();

CREATE TRIGGER stream_head_no_truncate
    BEFORE TRUNCATE ON stream_head
    FOR EACH STATEMENT EXECUTE FUNCTION leadledger_refuse_change();
