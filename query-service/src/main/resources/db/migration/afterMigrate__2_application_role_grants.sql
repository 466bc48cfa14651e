-- What the application role (spring.datasource.username, placeholder app-role) may do on the query side's tables;
-- docs/operations.md, "Database roles". Run by Flyway after every migration (after the shadow tables), as the
-- migration owner: all it held is revoked and exactly this granted again, so a table a new migration adds stays out of
-- its reach until it is listed here (ApplicationRolePrivilegesIT holds the same list). The copy of the history,
-- event_log, is SELECT and INSERT only; the role owns nothing, so it can neither disable its triggers nor drop it. All
-- of it commits at once, so running instances never lack a right.

-- Instances starting together run this script at the same moment: one at a time (catalog updates would collide).
SELECT pg_advisory_xact_lock(hashtext('leadledger afterMigrate'));
DO
$$
DECLARE
    app_role CONSTANT TEXT := '${app-role}';
    allowed RECORD;
BEGIN
    IF app_role = current_user THEN
        RAISE NOTICE 'the application role % runs the migrations too and owns the schema: nothing to grant', app_role;
        RETURN;
    END IF;
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = app_role) THEN
        RAISE EXCEPTION 'the application role % does not exist; create it first (docs/operations.md, "Database roles")',
            app_role;
    END IF;
    IF (SELECT rolsuper FROM pg_roles WHERE rolname = app_role) THEN
        RAISE WARNING 'the application role % is a superuser: grants cannot limit it (docs/operations.md, "Database roles")',
            app_role;
        RETURN;
    END IF;

    EXECUTE format('REVOKE ALL ON ALL TABLES IN SCHEMA public, leadledger_rebuild FROM %I', app_role);
    EXECUTE format('REVOKE ALL ON ALL SEQUENCES IN SCHEMA public, leadledger_rebuild FROM %I', app_role);
    EXECUTE format('GRANT USAGE ON SCHEMA leadledger_rebuild TO %I', app_role);
    FOR allowed IN
        SELECT *
        FROM (VALUES
                  -- the copy of the event store: append and read
                  ('event_log', 'SELECT, INSERT'),
                  -- records the ingest could not apply, and what became of them
                  ('dead_letter', 'SELECT, INSERT, UPDATE'),
                  -- Idempotency-Key answers, expired after their retention
                  ('idempotency_key', 'SELECT, INSERT, UPDATE, DELETE'),
                  -- the read models: projected (entries written once are never updated), and replaced by a
                  -- rebuild's shadow copies at its swap
                  ('dispute_view', 'SELECT, INSERT, UPDATE, DELETE'),
                  ('opportunity_view', 'SELECT, INSERT, UPDATE, DELETE'),
                  ('partner_view', 'SELECT, INSERT, UPDATE, DELETE'),
                  ('registration_view', 'SELECT, INSERT, UPDATE, DELETE'),
                  ('notice', 'SELECT, INSERT, DELETE'),
                  ('policy_view', 'SELECT, INSERT, DELETE'),
                  ('support_history', 'SELECT, INSERT, DELETE'),
                  ('dumping_flag_view', 'SELECT, INSERT, UPDATE, DELETE'))
                 AS allowed(name, privileges)
        -- a migration run up to an earlier target has not created every one yet
        WHERE to_regclass(name) IS NOT NULL
        LOOP
            EXECUTE format('GRANT %s ON TABLE %s TO %I', allowed.privileges, allowed.name, app_role);
        END LOOP;
    -- a rebuild empties, fills and reads its shadow tables
    EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE, TRUNCATE ON ALL TABLES IN SCHEMA leadledger_rebuild TO %I',
                   app_role);
END
$$;
