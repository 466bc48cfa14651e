-- The signer's tree at each signed tree head (TreeHeadSigner): the hashes of its perfect subtrees, largest first, 32
-- bytes each, one per set bit of tree_size. With tree_size they are all that is needed to go on adding leaves, so a
-- signer that starts (or lost the tree it kept) resumes from the latest stored head instead of reading the whole log
-- again. It trusts a frontier only when it re-computes the head's root and the head's signature verifies. Heads
-- signed before this column existed have none.
ALTER TABLE checkpoint_tree_head ADD COLUMN frontier BYTEA;
