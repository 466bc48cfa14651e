-- Signed tree heads (docs/audit.md, "Signed checkpoints and proofs"). Each checkpoint gets one row here: the RFC 6962
-- Merkle tree over every event up to the checkpoint's last_index (leaf = SHA-256(0x00 || event_hash), one leaf per
-- stored event in global-index order, gaps are no leaves), its size and root, signed with the receipt key ring
-- (Ed25519, key_id; signature in standard Base64 over the canonical form "leadledger-tree-head-v1" …).
-- A separate table rather than new columns on chain_checkpoint: that table is append-only, and a checkpoint sealed
-- before this migration keeps exactly what it recorded; its tree head is added here by the writer's backfill
-- (TreeHeadSigner), in the same way and with the same key as for new ones. Append-only too. No foreign key to
-- chain_checkpoint: it would make TRUNCATE of that table fail on the key instead of on its append-only trigger.
CREATE TABLE checkpoint_tree_head (
    checkpoint_no BIGINT       NOT NULL PRIMARY KEY,
    tree_size     BIGINT       NOT NULL,
    root_hash     BYTEA        NOT NULL,
    key_id        VARCHAR(255) NOT NULL,
    signature     VARCHAR(128) NOT NULL,
    signed_at     TIMESTAMPTZ  NOT NULL DEFAULT now(),
    CONSTRAINT checkpoint_tree_head_size_ck CHECK (tree_size >= 0)
);

CREATE TRIGGER checkpoint_tree_head_append_only
    BEFORE UPDATE OR DELETE ON checkpoint_tree_head
    FOR EACH ROW EXECUTE FUNCTION leadledger_refuse_change();

CREATE TRIGGER checkpoint_tree_head_no_truncate
    BEFORE TRUNCATE ON checkpoint_tree_head
    FOR EACH STATEMENT EXECUTE FUNCTION leadledger_refuse_change();
