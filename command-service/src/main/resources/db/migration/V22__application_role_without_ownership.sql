-- The services may run as an application role that owns no table and holds only the privileges granted by
-- afterMigrate__application_role_grants.sql (docs/operations.md, "Database roles"): on the event tables SELECT and
-- INSERT, nothing else. Two things it does beyond that go through functions of the migration owner instead:
--
-- 1. Each stored event advances its stream's head (an upsert on stream_head). The trigger function now runs with its
--    owner's rights, so the application role needs no UPDATE on stream_head; pg_temp comes last on its path, so a
--    temporary table cannot stand in for stream_head.
-- 2. A checkpoint covers only a settled range of global indexes: a brief SHARE lock on the event table waits for the
--    inserts in flight (CheckpointWriter). Locking in SHARE mode needs UPDATE, DELETE or TRUNCATE on the table, which
--    the application role must not have; it may call this function, which takes the lock and answers the highest
--    global index visible then, and nothing more. It runs in the caller's transaction (the lock is held until it
--    ends) and obeys the caller's lock_timeout.
ALTER FUNCTION leadledger_advance_head() SECURITY DEFINER SET search_path = public, pg_temp;

CREATE FUNCTION leadledger_settled_boundary() RETURNS BIGINT
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS
$$
BEGIN
    LOCK TABLE domainevententry IN SHARE MODE;
    RETURN (SELECT coalesce(max(globalindex), 0) FROM domainevententry);
END
$$;

REVOKE EXECUTE ON FUNCTION leadledger_settled_boundary() FROM PUBLIC;
