-- The quality capability's SQL functions (read by quality.repository.ts and projects.repository.ts).
-- Applied at every start-up whose checksum of this file differs from the last one applied
-- (src/db/routines.ts): each definition replaces the one in place, so this file is what runs.

-- The completeness elements (reference/completeness.json) a project has, as their keys. Which
-- elements count and how much each weighs is data read by the service; this function only says
-- which are there, so the record page, the list filter and the data-quality page agree.
-- As PL/pgSQL its queries are planned once per connection (see project_children).
CREATE OR REPLACE FUNCTION project_present_elements(p_id uuid) RETURNS text[] LANGUAGE plpgsql STABLE AS $$
DECLARE
  result text[];
BEGIN
  SELECT array_remove(ARRAY[
    CASE WHEN coalesce(btrim(p.description), '') <> '' THEN 'description' END,
    CASE WHEN coalesce(btrim(p.code), btrim(p.iati_identifier), '') <> '' THEN 'identifier' END,
    CASE WHEN p.start_date IS NOT NULL THEN 'start_date' END,
    CASE WHEN p.end_date IS NOT NULL OR p.ongoing THEN 'end_date' END,
    CASE WHEN EXISTS (SELECT 1 FROM project_countries x WHERE x.project_id = p.id)
      OR EXISTS (SELECT 1 FROM project_regions x WHERE x.project_id = p.id) THEN 'location' END,
    CASE WHEN EXISTS (SELECT 1 FROM project_themes x WHERE x.project_id = p.id)
      OR EXISTS (SELECT 1 FROM project_sectors x WHERE x.project_id = p.id) THEN 'sector' END,
    CASE WHEN EXISTS (SELECT 1 FROM project_participants x WHERE x.project_id = p.id AND x.role IN ('funder', 'extending'))
      THEN 'funder' END,
    CASE WHEN EXISTS (SELECT 1 FROM project_participants x WHERE x.project_id = p.id AND x.role IN ('lead', 'implementer'))
      THEN 'implementer' END,
    CASE WHEN b.lines > 0 THEN 'budget' END,
    CASE WHEN b.lines > 0 AND b.lines = b.with_period THEN 'budget_period' END,
    CASE WHEN b.lines > 0 AND b.lines = b.with_category THEN 'budget_category' END,
    CASE WHEN EXISTS (SELECT 1 FROM project_sectors x WHERE x.project_id = p.id) THEN 'dac_code' END,
    CASE WHEN EXISTS (SELECT 1 FROM outputs x WHERE x.project_id = p.id) THEN 'outputs' END,
    CASE WHEN coalesce(btrim(p.outcome_statement), '') <> '' THEN 'outcome' END,
    CASE WHEN EXISTS (SELECT 1 FROM indicators x WHERE x.project_id = p.id
      AND x.baseline_value IS NOT NULL AND x.target_value IS NOT NULL) THEN 'indicators' END,
    CASE WHEN p.outcome_score IS NOT NULL
      OR EXISTS (SELECT 1 FROM outputs x WHERE x.project_id = p.id AND x.score IS NOT NULL) THEN 'results_scored' END
  ], NULL)
  INTO result
  FROM projects p
  CROSS JOIN LATERAL (SELECT count(*) AS lines,
      count(*) FILTER (WHERE (x.period_start IS NOT NULL AND x.period_end IS NOT NULL) OR x.value_date IS NOT NULL) AS with_period,
      count(*) FILTER (WHERE x.category IS NOT NULL) AS with_category
    FROM budget_lines x WHERE x.project_id = p.id) b
  WHERE p.id = p_id;
  RETURN coalesce(result, '{}');
END;
$$;
