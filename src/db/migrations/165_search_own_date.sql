-- Each search entry's own date: the day its record is about (a project's start, a meeting's day, a
-- review's period, an evaluation's completion, a recommendation's issue, a document's date), which
-- a hit shows. sort_date still falls back to the day the record was registered, for ordering; a
-- hit whose record has no date of its own shows none rather than the day it was imported.
ALTER TABLE search_entries ADD COLUMN own_date date;

-- search_rows returns the new column: search/index.sql defines it again at start-up.
DROP FUNCTION IF EXISTS search_rows(text, uuid[]);

-- The entries already indexed, from their records' columns (documents get theirs when next indexed).
UPDATE search_entries e SET own_date = p.start_date FROM projects p WHERE e.kind = 'project' AND e.record_id = p.id;
UPDATE search_entries e SET own_date = coalesce(r.period_end, r.period_start)
  FROM reviews r WHERE e.kind = 'review' AND e.record_id = r.id;
UPDATE search_entries e SET own_date = v.completed_on FROM evaluations v WHERE e.kind = 'evaluation' AND e.record_id = v.id;
UPDATE search_entries e SET own_date = m.held_on FROM meetings m WHERE e.kind = 'meeting' AND e.record_id = m.id;
UPDATE search_entries e SET own_date = r.issued_on
  FROM recommendations r WHERE e.kind = 'recommendation' AND e.record_id = r.id;
