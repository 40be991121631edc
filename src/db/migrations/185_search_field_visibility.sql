-- A search hit says which of its record's fields are withheld from its reader. The entry keeps a
-- copy of the record's field_visibility (null when it restricts none), as it keeps its owner and
-- visibility, so the page of hits answers that itself: a second statement reading each hit's
-- record again cost a search as much as finding its hits.
ALTER TABLE search_entries ADD COLUMN field_visibility jsonb;

-- search_record_source and search_rows return the new column: search/index.sql defines them again
-- at start-up.
DROP FUNCTION IF EXISTS search_rows(text, uuid[]);
DROP FUNCTION IF EXISTS search_record_source(text, uuid[]);

-- The entries already indexed, from their records.
DO $$
DECLARE
  k text;
BEGIN
  FOREACH k IN ARRAY ARRAY['project', 'document', 'review', 'evaluation', 'recommendation', 'lesson', 'meeting'] LOOP
    EXECUTE format('UPDATE search_entries e SET field_visibility = r.field_visibility FROM %I r '
      'WHERE e.kind = %L AND e.record_id = r.id AND r.field_visibility <> ''{}''', k || 's', k);
  END LOOP;
END $$;
