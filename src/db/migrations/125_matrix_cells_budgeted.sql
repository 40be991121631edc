-- How many of a 3W cell's projects state a budget that converts, so that a cell where none does
-- shows "no budget recorded" (as the country brief does) instead of 0. The cells already kept get
-- their count from the kept facts, grouped as matrix.sql groups them (a fact's budget array is
-- NULL when its project has no convertible budget line).
ALTER TABLE matrix_cells ADD COLUMN budgeted int NOT NULL DEFAULT 0;

UPDATE matrix_cells c SET budgeted = x.n
FROM (
  SELECT l.d AS dims, f.visibility,
    CASE WHEN f.visibility = 'owner' THEN f.owner_org_id ELSE '00000000-0000-0000-0000-000000000000' END AS owner_org_id,
    f.org_id, CASE WHEN l.d & 1 = 1 THEN f.country ELSE '' END AS country,
    CASE WHEN l.d & 2 = 2 THEN f.theme ELSE '' END AS theme,
    count(DISTINCT f.project_id) FILTER (WHERE f.budget IS NOT NULL) AS n
  FROM matrix_facts f CROSS JOIN (VALUES (0), (1), (2), (3)) AS l(d)
  GROUP BY 1, 2, 3, 4, 5, 6) x
WHERE x.n > 0 AND c.dims = x.dims AND c.visibility = x.visibility AND c.owner_org_id = x.owner_org_id
  AND c.org_id = x.org_id AND c.country = x.country AND c.theme = x.theme;
