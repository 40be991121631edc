-- Browsing projects newest first on a sample reads the page past a date cut (search.repository.ts):
-- the few projects at least that new, found by intersecting this index with the facet's. It is an
-- index on an expression so that ANALYZE keeps statistics of the projects' dates alone: every
-- record written today is newer than any project, and with the whole index's dates the planner
-- expected most projects past any cut and read them all.
CREATE INDEX search_projects_date_idx ON search_entries ((CASE WHEN kind = 'project' THEN sort_date END));
ANALYZE search_entries;
