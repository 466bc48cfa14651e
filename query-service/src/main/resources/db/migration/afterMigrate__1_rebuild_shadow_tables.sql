-- Shadow tables for projection rebuilds (ProjectionRebuilder; docs/operations.md, "Rebuilding the read models"): in
-- schema leadledger_rebuild, an empty table of the same layout (columns, defaults, constraints, unique indexes) for each
-- read model's table, and the rebuild's own bookkeeping. They belong to the migration owner, so that a rebuild needs no
-- DDL right: the application role fills them and copies them into the live tables.
--
-- A shadow table has only its read model's unique indexes (the primary key among them): the projections find rows by
-- their ids and their upserts need the unique ones. Nothing reads a shadow table by any other index, and every index
-- is one more write per row of the replay; the live tables keep all of theirs, and the swap fills them.
--
-- All of them are UNLOGGED: a rebuild writes them without WAL, and only its swap into the live tables is logged.
-- PostgreSQL empties unlogged tables when it recovers from a crash (and a promoted standby has them empty); the
-- rebuild's row in rebuild_run goes with them, and a rebuild that finds it gone fails instead of swapping in tables
-- that lost what it had applied.
--
-- Run by Flyway after every migration. A shadow table is created when missing and created again when its read model's
-- table changed layout (or it has another owner); otherwise it is left alone, so a rebuild running on another instance
-- meanwhile is not disturbed. A new read model's table is added to the list below (RebuildIT checks it against the
-- projections, and a rebuild refuses to start without it).

-- Instances starting together run this script at the same moment: one at a time (catalog updates would collide).
SELECT pg_advisory_xact_lock(hashtext('leadledger afterMigrate'));
CREATE SCHEMA IF NOT EXISTS leadledger_rebuild;

-- A table's layout as text, without its own name or its indexes' names, with its unique indexes only.
CREATE OR REPLACE FUNCTION pg_temp.leadledger_layout(relation REGCLASS) RETURNS TEXT
    LANGUAGE sql STABLE AS
$$
SELECT concat_ws(E'\n',
    (SELECT string_agg(concat_ws(' ', quote_ident(a.attname), format_type(a.atttypid, a.atttypmod),
                                 CASE WHEN a.attnotnull THEN 'NOT NULL' END,
                                 'DEFAULT ' || pg_get_expr(d.adbin, d.adrelid)), ', ' ORDER BY a.attnum)
     FROM pg_attribute a
     LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
     WHERE a.attrelid = relation AND a.attnum > 0 AND NOT a.attisdropped),
    (SELECT string_agg(shape, ', ' ORDER BY shape)
     FROM (SELECT regexp_replace(pg_get_indexdef(i.indexrelid), '^CREATE (UNIQUE )?INDEX \S+ ON \S+',
                                 'CREATE \1INDEX ON') AS shape
           FROM pg_index i WHERE i.indrelid = relation AND i.indisunique) indexes),
    (SELECT string_agg(pg_get_constraintdef(c.oid), ', ' ORDER BY pg_get_constraintdef(c.oid))
     FROM pg_constraint c WHERE c.conrelid = relation AND c.contype = 'c'))
$$;

DO
$$
DECLARE
    read_model TEXT;
    live REGCLASS;
    shadow REGCLASS;
    unique_index TEXT;
BEGIN
    FOREACH read_model IN ARRAY ARRAY['dispute_view', 'notice', 'opportunity_view', 'partner_view', 'policy_view',
                                      'registration_view', 'support_history', 'dumping_flag_view']
        LOOP
            live := to_regclass(format('public.%I', read_model));
            CONTINUE WHEN live IS NULL; -- a migration run up to an earlier target has not created it yet
            shadow := to_regclass(format('leadledger_rebuild.%I', read_model));
            IF shadow IS NULL
                OR pg_temp.leadledger_layout(shadow) IS DISTINCT FROM pg_temp.leadledger_layout(live)
                OR (SELECT relpersistence FROM pg_class WHERE oid = shadow) <> 'u'
                OR EXISTS (SELECT 1 FROM pg_index WHERE indrelid = shadow AND NOT indisunique)
                OR (SELECT relowner FROM pg_class WHERE oid = shadow) <> (SELECT oid FROM pg_roles
                                                                          WHERE rolname = current_user) THEN
                EXECUTE format('DROP TABLE IF EXISTS leadledger_rebuild.%I', read_model);
                EXECUTE format('CREATE UNLOGGED TABLE leadledger_rebuild.%I (LIKE public.%I INCLUDING ALL'
                                   ' EXCLUDING INDEXES)', read_model, read_model);
                FOR unique_index IN SELECT regexp_replace(pg_get_indexdef(indexrelid),
                                                          '^CREATE UNIQUE INDEX \S+ ON \S+',
                                                          format('CREATE UNIQUE INDEX ON leadledger_rebuild.%I',
                                                                 read_model))
                                    FROM pg_index WHERE indrelid = live AND indisunique
                    LOOP
                        EXECUTE unique_index;
                    END LOOP;
            END IF;
        END LOOP;
END
$$;

-- The events a rebuild applied to the shadow tables (those it skipped as parked are not among them: the swap applies
-- them if they were resolved meanwhile), and the rebuild filling them.
CREATE UNLOGGED TABLE IF NOT EXISTS leadledger_rebuild.rebuild_applied (event_id TEXT PRIMARY KEY);
CREATE UNLOGGED TABLE IF NOT EXISTS leadledger_rebuild.rebuild_run (rebuild_id TEXT PRIMARY KEY);

-- Bookkeeping an earlier version created as a logged table (it holds rows only while a rebuild runs).
DO
$$
BEGIN
    IF (SELECT relpersistence FROM pg_class WHERE oid = 'leadledger_rebuild.rebuild_applied'::regclass) <> 'u' THEN
        ALTER TABLE leadledger_rebuild.rebuild_applied SET UNLOGGED;
    END IF;
END
$$;
-- Earlier versions listed the events a rebuild skipped as parked in a table of their own.
DROP TABLE IF EXISTS leadledger_rebuild.rebuild_skipped;
