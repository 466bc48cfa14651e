-- A dispute's timeline is ordered by where the command side stored each event (its global index), not by when this
-- service received it: events of different aggregates travel on different Kafka partitions, so a ruling's recording
-- on the opportunity may arrive before the ruling itself. Each timeline entry now carries its event's global index;
-- existing documents get it from event_log and are put in that order. (Every entry's event is in event_log, which is
-- written in the transaction that projects it; an entry without one would keep its place among the first.)
UPDATE dispute_view d
SET document = jsonb_set(d.document, '{timeline}', (
    SELECT coalesce(jsonb_agg(CASE WHEN e.global_index IS NULL THEN t.entry
                                   ELSE t.entry || jsonb_build_object('globalIndex', e.global_index) END
                              ORDER BY e.global_index NULLS FIRST, t.position), '[]'::jsonb)
    FROM jsonb_array_elements(d.document->'timeline') WITH ORDINALITY AS t(entry, position)
    LEFT JOIN event_log e ON e.event_id = t.entry->>'eventId'))
WHERE jsonb_typeof(d.document->'timeline') = 'array';
