-- What the application role (spring.datasource.username, placeholder app-role) may do on the command side's tables;
-- docs/operations.md, "Database roles". Run by Flyway after every migration, as the migration owner: all it held is
-- revoked and exactly this granted again, so a table a new migration adds stays out of its reach until it is listed
-- here (ApplicationRolePrivilegesIT holds the same list). The event store, its hash chain and its checkpoints are
-- SELECT and INSERT only: the role can append history, never change or remove it, and as it owns nothing it can
-- neither disable their triggers nor drop them. All of it commits at once, so running instances never lack a right.

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

    EXECUTE format('REVOKE ALL ON ALL TABLES IN SCHEMA public FROM %I', app_role);
    EXECUTE format('REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM %I', app_role);
    EXECUTE format('REVOKE ALL ON ALL FUNCTIONS IN SCHEMA public FROM %I', app_role);
    FOR allowed IN
        SELECT *
        FROM (VALUES
                  -- the event store (Axon's JDBC engine): append and read
                  ('TABLE', 'domainevententry', 'SELECT, INSERT'),
                  ('SEQUENCE', 'domainevententry_globalindex_seq', 'USAGE'),
                  -- aggregate snapshots, a cache outside the history: a new one replaces the older ones
                  ('TABLE', 'snapshotevententry', 'SELECT, INSERT, DELETE'),
                  -- the hash chain's heads (advanced by a trigger with the owner's rights) and the checkpoints
                  ('TABLE', 'stream_head', 'SELECT'),
                  ('TABLE', 'chain_checkpoint', 'SELECT, INSERT'),
                  ('TABLE', 'checkpoint_tree_head', 'SELECT, INSERT'),
                  ('FUNCTION', 'leadledger_settled_boundary()', 'EXECUTE'),
                  -- the Kafka relay's queue: filled by a trigger on each stored event, emptied once Kafka acknowledged
                  ('TABLE', 'relay_outbox', 'SELECT, INSERT, DELETE'),
                  -- partner webhooks: the fan-out's queue (filled by a trigger), subscriptions, deliveries
                  ('TABLE', 'webhook_outbox', 'SELECT, INSERT, DELETE'),
                  ('TABLE', 'webhook_subscription', 'SELECT, INSERT, UPDATE, DELETE'),
                  ('TABLE', 'webhook_delivery', 'SELECT, INSERT, UPDATE'),
                  -- tracking tokens of the streaming event processors (claimed, advanced, released)
                  ('TABLE', 'tokenentry', 'SELECT, INSERT, UPDATE'),
                  -- command-side views written with the events
                  ('TABLE', 'registration_lookup', 'SELECT, INSERT'),
                  ('TABLE', 'program_deal', 'SELECT, INSERT, UPDATE'),
                  ('TABLE', 'policy_version', 'SELECT, INSERT'),
                  ('TABLE', 'partner_registry', 'SELECT, INSERT, UPDATE'),
                  ('TABLE', 'partner_contact', 'SELECT, INSERT, DELETE'),
                  -- e-mail: the record of every message (claimed, then marked sent) and what the reminders check
                  ('TABLE', 'mail_message', 'SELECT, INSERT, UPDATE'),
                  ('SEQUENCE', 'mail_message_id_seq', 'USAGE'),
                  ('TABLE', 'mail_protection', 'SELECT, INSERT, UPDATE, DELETE'),
                  ('TABLE', 'mail_dispute_party', 'SELECT, INSERT'),
                  -- points: which registrations may take an extra discount
                  ('TABLE', 'points_registration', 'SELECT, INSERT, UPDATE'),
                  -- deadlines (db-scheduler: picked, rescheduled, removed once done or cancelled)
                  ('TABLE', 'scheduled_tasks', 'SELECT, INSERT, UPDATE, DELETE'),
                  -- Idempotency-Key answers, expired after their retention
                  ('TABLE', 'idempotency_key', 'SELECT, INSERT, UPDATE, DELETE'),
                  -- registrations imported from CSV files: each row decided once
                  ('TABLE', 'registration_import', 'SELECT, INSERT'),
                  ('TABLE', 'registration_import_row', 'SELECT, INSERT, UPDATE'))
                 AS allowed(kind, name, privileges)
        -- a migration run up to an earlier target has not created every one yet
        WHERE CASE kind WHEN 'FUNCTION' THEN to_regprocedure(name) IS NOT NULL ELSE to_regclass(name) IS NOT NULL END
        LOOP
            EXECUTE format('GRANT %s ON %s %s TO %I', allowed.privileges, allowed.kind, allowed.name, app_role);
        END LOOP;
END
$$;
