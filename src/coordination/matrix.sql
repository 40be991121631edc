-- The 3W matrix kept up to date instead of computed per request: matrix_facts holds each
-- project's finest cells with its budget converted into every currency of the rate table;
-- matrix_cells adds them up per visibility class (and, for shared projects, owner and share list). Both are maintained at commit like the search
-- index: statement triggers note the projects whose rows changed, and a deferred trigger
-- recomputes their facts and every cell they counted in, before or after the change.
-- Applied at every start-up whose checksum of this file differs from the last one applied
-- (src/db/routines.ts): each definition replaces the one in place, so this file is what runs.

-- The currencies budgets are kept in, in the order of the budget arrays below.
CREATE OR REPLACE FUNCTION matrix_currencies() RETURNS text[] LANGUAGE sql STABLE AS $$
  SELECT coalesce(array_agg(DISTINCT currency ORDER BY currency), '{}') FROM exchange_rates
$$;

-- The facts of a batch of projects with one index probe per project and child
-- table, instead of a scan.
--
-- 1. A project without participants, countries or themes stands in with its owner, '' or ''.
--    That case was a second branch guarded by NOT EXISTS, a second probe of each table; and as
--    the embedded engine never analyses, the planner could guess a child table small enough to
--    scan for it. Refreshing 500 projects of the imported USAID registry (11,154 projects) on the
--    embedded engine scanned project_themes 500 times: 65 of the 137 ms of their facts. A LEFT
--    JOIN gives the stand-in row from the one probe.
-- 2. The projects are looked up by id one by one (OFFSET 0 keeps the planner from turning the
--    lookup into a join): joined as a set, the same refresh hashed the whole projects table,
--    17 ms at 11,154 projects and growing with the registry.
-- Those facts now take 15 ms. The facts are the same (compared over the whole USAID registry).
CREATE OR REPLACE FUNCTION matrix_facts_of(ids uuid[]) RETURNS SETOF matrix_facts LANGUAGE sql STABLE AS $$
  WITH cur AS (SELECT matrix_currencies() AS codes),
  fx_years AS (SELECT min(year) AS lo, max(year) AS hi FROM exchange_rates)
  SELECT p.id, p.visibility, p.owner_org_id, p.status, p.start_date, p.end_date, p.ongoing,
    coalesce(w.org_id, p.owner_org_id), coalesce(w.roles, '{}'), coalesce(c.country, ''), coalesce(t.theme, ''),
    coalesce(c.w, 1.0) * coalesce(t.w, 1.0), b.amounts, p.shared_with, coalesce(p.field_visibility->>'budget', '')
  FROM unnest(ids) AS x(id)
  -- A deleted project (visibility 'deleted', restorable for 30 days) has no facts: restoring it
  -- changes its visibility back, and that refresh gives them back.
  CROSS JOIN LATERAL (SELECT * FROM projects WHERE projects.id = x.id AND projects.visibility <> 'deleted' OFFSET 0) p
  CROSS JOIN cur CROSS JOIN fx_years y
  -- Every currency's amount, in the order of matrix_currencies(); NULL with no convertible line.
  -- Each line is converted at its own year's rates; a revised IATI budget replaces the original
  -- one for the same period (IATI's rule; the labels are those src/iati/map.ts budgetLabel() writes).
  LEFT JOIN LATERAL (
    SELECT array_agg(a.amount ORDER BY a.k) AS amounts FROM (
      SELECT cc.k, coalesce(sum(u.usd * dst.per_usd), 0) AS amount
      FROM (
        SELECT l.y, sum(l.amount / src.per_usd) AS usd
        FROM (
          SELECT bl.amount, bl.currency::text AS currency,
            least(greatest(extract(year FROM coalesce(bl.value_date, bl.period_start, p.start_date, current_date))::int,
              y.lo), y.hi) AS y
          FROM budget_lines bl
          WHERE bl.project_id = p.id
            AND NOT (bl.label LIKE 'IATI budget: original,%' AND EXISTS (SELECT 1 FROM budget_lines r
              WHERE r.project_id = bl.project_id AND r.label LIKE 'IATI budget: revised,%'
                AND r.period_start IS NOT DISTINCT FROM bl.period_start
                AND r.period_end IS NOT DISTINCT FROM bl.period_end))) l
        JOIN exchange_rates src ON src.currency = l.currency AND src.year = l.y
        GROUP BY l.y) u
      CROSS JOIN unnest(cur.codes) WITH ORDINALITY AS cc(code, k)
      LEFT JOIN exchange_rates dst ON dst.currency = cc.code AND dst.year = u.y
      GROUP BY cc.k) a) b ON true
  -- Who: every participant; a project with none is its owner's (the NULL row of the LEFT JOIN).
  LEFT JOIN LATERAL (
    SELECT pp.org_id, array_agg(pp.role ORDER BY pp.role) AS roles
    FROM project_participants pp WHERE pp.project_id = p.id GROUP BY pp.org_id) w ON true
  -- A country's share where given, else an equal split, so a project's money is counted once.
  LEFT JOIN LATERAL (
    SELECT pc.country::text AS country, coalesce(pc.share / 100.0, 1.0 / count(*) OVER ())::float8 AS w
    FROM project_countries pc WHERE pc.project_id = p.id) c ON true
  LEFT JOIN LATERAL (
    SELECT pt.theme, (1.0 / count(*) OVER ())::float8 AS w FROM project_themes pt WHERE pt.project_id = p.id) t ON true
$$;

-- Each project's lines looked up through their index (OFFSET 0 keeps the lookup from becoming a
-- join): as a hash join it read every budget line of the registry, 100,000 at 100,000 projects,
-- for each batch of an import.
CREATE OR REPLACE FUNCTION matrix_unconvertible_of(ids uuid[]) RETURNS SETOF matrix_unconvertible LANGUAGE sql STABLE AS $$
  SELECT DISTINCT x.id, b.currency FROM unnest(ids) AS x(id)
  CROSS JOIN LATERAL (SELECT bl.currency::text AS currency FROM budget_lines bl WHERE bl.project_id = x.id OFFSET 0) b
  WHERE NOT EXISTS (SELECT 1 FROM exchange_rates r WHERE r.currency = b.currency)
$$;

-- SQL fragments per currency of the rate table, for the dynamic statements below: one plain sum
-- per currency is far cheaper than an aggregate over arrays.
CREATE OR REPLACE FUNCTION matrix_sums(template text) RETURNS text LANGUAGE sql STABLE AS $$
  SELECT coalesce(string_agg(replace(template, '#', k::text), ', ' ORDER BY k), '')
  FROM generate_series(1, cardinality(matrix_currencies())) k
$$;

-- Each project's contribution to the cells at every level: 1 project, whether it states a budget
-- (budgeted: a cell none of whose projects does has no budget, not 0) and its share of the
-- budget, per visibility class, organisation and key (a dimension not split on is ''). Summed
-- per project first, then per cell: two hashed groupings rather than count(DISTINCT), which sorts.
CREATE OR REPLACE FUNCTION matrix_contributions_sql(facts text) RETURNS text LANGUAGE sql STABLE AS $$
  SELECT format(
    'SELECT l.d AS dims, f.sign, f.project_id, f.visibility,
       CASE WHEN f.visibility IN (''owner'', ''shared'') THEN f.owner_org_id ELSE ''00000000-0000-0000-0000-000000000000'' END AS owner_org_id,
       CASE WHEN f.visibility = ''shared'' THEN f.shared_with ELSE ''{}'' END AS shared_with,
       f.org_id, CASE WHEN l.d & 1 = 1 THEN f.country ELSE '''' END AS country,
       CASE WHEN l.d & 2 = 2 THEN f.theme ELSE '''' END AS theme,
       max(CASE WHEN f.budget IS NULL OR f.budget_visibility <> '''' THEN 0 ELSE 1 END) AS budgeted%s
     FROM %s f CROSS JOIN (VALUES (0), (1), (2), (3)) AS l(d)
     GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9',
    CASE WHEN cardinality(matrix_currencies()) = 0 THEN ''
      -- A budget its owner restricts is left out: the matrix adds it per reader from the facts.
      ELSE ', ' || matrix_sums('coalesce(sum(f.budget[#] * f.w) FILTER (WHERE f.budget_visibility = ''''), 0) AS b#') END,
    facts)
$$;

CREATE OR REPLACE FUNCTION matrix_recompute_cells() RETURNS void LANGUAGE plpgsql SET jit = off AS $$
BEGIN
  DELETE FROM matrix_cells;
  EXECUTE format(
    'INSERT INTO matrix_cells (dims, visibility, owner_org_id, shared_with, org_id, country, theme, projects, budget, budgeted)
     SELECT dims, visibility, owner_org_id, shared_with, org_id, country, theme, count(*), ARRAY[%s]::float8[], sum(budgeted)
     FROM (%s) c GROUP BY 1, 2, 3, 4, 5, 6, 7',
    matrix_sums('sum(b#)'), matrix_contributions_sql('(SELECT 1 AS sign, * FROM matrix_facts)'));
END $$;

-- Recomputes the facts of the given projects (removing those of deleted ones) and adds the
-- difference they make to the cells: what the projects contribute now minus what they did.
--
-- Without JIT: the planner overestimates these statements (it cannot know how few rows a batch
-- has), and PostgreSQL then spent 1.5 s compiling a statement that runs in 50 ms.
--
-- The cells a change empties are deleted by their place (ctid), taken from the upsert's result:
-- an index on the count to find them kept every update of a cell from being done in place
-- (migration 190).
CREATE OR REPLACE FUNCTION matrix_refresh(ids uuid[]) RETURNS void LANGUAGE plpgsql SET jit = off AS $$
DECLARE
  emptied tid[];
BEGIN
  -- Two transactions refreshing one project would each miss the other's new facts.
  PERFORM pg_advisory_xact_lock(7212050);
  EXECUTE format(
    'WITH old AS (DELETE FROM matrix_facts f USING unnest($1) AS x(id) WHERE f.project_id = x.id RETURNING f.*),
     new AS (INSERT INTO matrix_facts SELECT * FROM matrix_facts_of($1) RETURNING *),
     change AS (SELECT -1 AS sign, * FROM old UNION ALL SELECT 1, * FROM new),
     up AS (INSERT INTO matrix_cells AS c (dims, visibility, owner_org_id, shared_with, org_id, country, theme, projects, budget, budgeted)
     SELECT dims, visibility, owner_org_id, shared_with, org_id, country, theme, sum(sign), ARRAY[%s]::float8[], sum(sign * budgeted)
     FROM (%s) d GROUP BY 1, 2, 3, 4, 5, 6, 7
     ON CONFLICT (org_id, dims, country, theme, visibility, owner_org_id, shared_with) DO UPDATE
     SET projects = c.projects + excluded.projects, budget = ARRAY[%s]::float8[],
       budgeted = c.budgeted + excluded.budgeted
     RETURNING c.ctid AS at, c.projects)
     SELECT array_agg(at) FILTER (WHERE projects = 0) FROM up',
    matrix_sums('sum(sign * b#)'), matrix_contributions_sql('change'),
    matrix_sums('c.budget[#] + excluded.budget[#]'))
  INTO emptied USING ids;
  DELETE FROM matrix_cells WHERE ctid = ANY(emptied);
  DELETE FROM matrix_unconvertible u USING unnest(ids) AS x(id) WHERE u.project_id = x.id;
  INSERT INTO matrix_unconvertible SELECT * FROM matrix_unconvertible_of(ids);
END $$;

-- Everything from scratch: after a bulk load without triggers, or a new rate table.
-- In chunks of 2,000 projects: planned for a list of 100,000 ids at once, the facts took
-- PostgreSQL over 20 minutes.
CREATE OR REPLACE FUNCTION matrix_refresh_all() RETURNS void LANGUAGE plpgsql SET jit = off AS $$
DECLARE
  chunk uuid[];
BEGIN
  PERFORM pg_advisory_xact_lock(7212050);
  DELETE FROM matrix_facts;
  DELETE FROM matrix_unconvertible;
  FOR chunk IN
    SELECT array_agg(id) FROM (SELECT id, (row_number() OVER (ORDER BY seq) - 1) / 2000 AS part FROM projects) p
    GROUP BY part
  LOOP
    INSERT INTO matrix_facts SELECT * FROM matrix_facts_of(chunk);
    INSERT INTO matrix_unconvertible SELECT * FROM matrix_unconvertible_of(chunk);
  END LOOP;
  PERFORM matrix_recompute_cells();
  -- The embedded engine never analyses on its own: without statistics its plans for the matrix
  -- guess every table empty.
  ANALYZE matrix_facts;
  ANALYZE matrix_cells;
END $$;

-- A transaction-local setting says whether anything is pending, so that the flush, which runs once
-- per noted row, returns at once for all rows but the first without reading matrix_pending (500
-- reads of a table of 500 deleted rows per IATI batch).
CREATE OR REPLACE FUNCTION matrix_note() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_TABLE_NAME = 'projects' THEN
    INSERT INTO matrix_pending SELECT DISTINCT id FROM changed ON CONFLICT DO NOTHING;
  ELSE
    INSERT INTO matrix_pending SELECT DISTINCT project_id FROM changed ON CONFLICT DO NOTHING;
  END IF;
  PERFORM set_config('tacit.matrix_pending', 'yes', true);
  RETURN NULL;
END $$;

DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['projects', 'project_countries', 'project_themes', 'project_participants', 'budget_lines'] LOOP
    EXECUTE format('CREATE OR REPLACE TRIGGER %I AFTER INSERT ON %I REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION matrix_note()', t || '_matrix_ins', t);
    -- A row moved to another project changes both: the old rows are noted by a second trigger.
    EXECUTE format('CREATE OR REPLACE TRIGGER %I AFTER UPDATE ON %I REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION matrix_note()', t || '_matrix_upd', t);
    EXECUTE format('CREATE OR REPLACE TRIGGER %I AFTER UPDATE ON %I REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION matrix_note()', t || '_matrix_upd_old', t);
    EXECUTE format('CREATE OR REPLACE TRIGGER %I AFTER DELETE ON %I REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION matrix_note()', t || '_matrix_del', t);
  END LOOP;
END $$;

-- Refreshes the noted projects once per transaction; first clears the flag upkeep_flush_due set.
CREATE OR REPLACE FUNCTION matrix_flush() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  ids uuid[];
BEGIN
  PERFORM set_config('tacit.matrix_flush', '', true);
  IF current_setting('tacit.matrix_pending', true) IS DISTINCT FROM 'yes' THEN
    RETURN NULL;
  END IF;
  PERFORM set_config('tacit.matrix_pending', 'no', true);
  SELECT array_agg(project_id) INTO ids FROM matrix_pending;
  IF ids IS NULL THEN
    RETURN NULL;
  END IF;
  DELETE FROM matrix_pending;
  PERFORM matrix_refresh(ids);
  RETURN NULL;
END $$;

DROP TRIGGER IF EXISTS matrix_pending_flush ON matrix_pending;
CREATE CONSTRAINT TRIGGER matrix_pending_flush AFTER INSERT ON matrix_pending
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW WHEN (upkeep_flush_due('tacit.matrix_flush'))
  EXECUTE FUNCTION matrix_flush();
