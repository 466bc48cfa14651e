-- Periodic checkpoints over all events (README, "Audit: proving the history"). Checkpoint n covers every global index
-- from the previous checkpoint's last_index + 1 to last_index: gaps lists the indexes no committed event holds
-- (rolled-back inserts), every other index holds one event, event_count of them, whose Merkle root (RFC 6962 style:
-- leaf = SHA-256(0x00 || globalindex as 8-byte big-endian || event_hash), node = SHA-256(0x01 || left || right)) is
-- merkle_root. checkpoint_hash = SHA-256 of the canonical form of the other fields including previous_hash, so the
-- checkpoints chain too. Written by CheckpointJob; the primary key makes two instances racing for the same number
-- harmless (one insert wins).
CREATE TABLE chain_checkpoint (
    checkpoint_no   BIGINT      NOT NULL PRIMARY KEY,
    first_index     BIGINT      NOT NULL,
    last_index      BIGINT      NOT NULL,
    event_count     BIGINT      NOT NULL,
    gaps            BIGINT[]    NOT NULL DEFAULT '{}',
    merkle_root     BYTEA       NOT NULL,
    previous_hash   BYTEA       NOT NULL,
    checkpoint_hash BYTEA       NOT NULL,
    created_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    CONSTRAINT chain_checkpoint_range_ck CHECK (first_index <= last_index AND event_count >= 0),
    CONSTRAINT chain_checkpoint_first_uq UNIQUE (first_index)
);

-- Append-only like the events it covers.
CREATE TRIGGER chain_checkpoint_append_only
    BEFORE UPDATE OR DELETE ON chain_checkpoint
    FOR EACH ROW EXECUTE FUNCTION leadledger_refuse_change();

CREATE TRIGGER chain_checkpoint_no_truncate
    BEFORE TRUNCATE ON chain_checkpoint
    FOR EACH STATEMENT EXECUTE FUNCTION leadledger_refuse_change();
