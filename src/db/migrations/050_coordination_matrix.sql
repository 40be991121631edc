-- The 3W matrix kept up to date instead of computed per request.
--
-- At 100,000 projects the matrix over all data took 5–6 s: every request joined each visible
-- project with its countries, themes, participants and budget lines, converted the budget lines
-- and grouped some 700,000 rows into 60,000 cells. Now:
--
-- * matrix_facts holds each project's finest cells, one row per organisation × country × theme,
--   with the project's budget already converted into every currency of the rate table and the
--   weight of that cell in it (its country share × its theme share). A filtered matrix groups
--   these rows: no joins, no conversion.
-- * matrix_cells adds the facts up per visibility class at the four levels of detail the matrix
--   offers (country × theme, country, theme, organisation only), so the matrix without filters
--   is read, not computed. A viewer's cells are the public and network ones plus their
--   organisations' own: the classes hold disjoint projects, so their counts add up.
--
-- Both are maintained at commit, like the search index: statement triggers note the projects
-- whose rows changed, and a deferred trigger recomputes their facts and every cell they counted
-- in, before or after the change.

CREATE TABLE exchange_rates (
  currency text NOT NULL,
  year int NOT NULL,
  per_usd float8 NOT NULL CHECK (per_usd > 0),
  PRIMARY KEY (currency, year)
);

-- The currencies budgets are kept in, in the order of the budget arrays below.
CREATE FUNCTION matrix_currencies() RETURNS text[] LANGUAGE sql STABLE AS $$
  SELECT coalesce(array_agg(DISTINCT currency ORDER BY currency), '{}') FROM exchange_rates
$$;

CREATE TABLE matrix_facts (
  project_id uuid NOT NULL,
  -- The project's columns the access filter and the analytics filters read, under their names.
  visibility text NOT NULL,
  owner_org_id uuid NOT NULL,
  status text NOT NULL,
  start_date date,
  end_date date,
  ongoing boolean NOT NULL,
  org_id uuid NOT NULL,
  -- The organisation's roles in the project; empty when the project names no participant and
  -- its owner stands for it.
  roles text[] NOT NULL,
  -- '' when the project names no country (no theme): keys never hold NULL, so they can be compared.
  country text NOT NULL,
  theme text NOT NULL,
  -- This cell's share of the project: country share × theme share.
  w float8 NOT NULL,
  -- The project's whole budget in each currency of matrix_currencies(), each budget line
  -- converted at its own year's rates; NULL when no line could be converted.
  budget float8[]
);
CREATE INDEX matrix_facts_project_idx ON matrix_facts (project_id);
CREATE INDEX matrix_facts_cell_idx ON matrix_facts (org_id, country, theme);

-- Currencies of a project's budget lines that the rate table lacks, so their amounts are left
-- out: rare, so a small table the matrix can name them from without reading the facts.
CREATE TABLE matrix_unconvertible (
  project_id uuid NOT NULL,
  currency text NOT NULL,
  PRIMARY KEY (project_id, currency)
);

CREATE TABLE matrix_cells (
  -- Which dimensions the cell is split by: 3 country and theme, 1 country, 2 theme, 0 neither.
  -- A dimension not split on is ''.
  dims smallint NOT NULL CHECK (dims BETWEEN 0 AND 3),
  visibility text NOT NULL,
  -- The owner only for visibility 'owner'; public and network cells are everyone's, one per key,
  -- and hold the nil UUID, which no organisation has.
  owner_org_id uuid NOT NULL,
  org_id uuid NOT NULL,
  country text NOT NULL,
  theme text NOT NULL,
  projects int NOT NULL,
  budget float8[] NOT NULL,
  PRIMARY KEY (org_id, dims, country, theme, visibility, owner_org_id)
);
CREATE INDEX matrix_cells_dims_idx ON matrix_cells (dims, visibility);
-- Cells whose last project left, found without reading the others.
CREATE INDEX matrix_cells_empty_idx ON matrix_cells (dims) WHERE projects = 0;

-- The facts of the given projects, computed from the registry's tables. Each project's rows are
-- looked up through its indexes (LATERAL): joined as whole sets, an id list whose length the
-- planner cannot see (it guesses 10) turned into nested loops over every batch's rows, 4 s per
-- 2,000 projects on PostgreSQL.
CREATE FUNCTION matrix_facts_of(ids uuid[]) RETURNS SETOF matrix_facts LANGUAGE sql STABLE AS $$
  WITH cur AS (SELECT matrix_currencies() AS codes),
  fx_years AS (SELECT min(year) AS lo, max(year) AS hi FROM exchange_rates)
  SELECT p.id, p.visibility, p.owner_org_id, p.status, p.start_date, p.end_date, p.ongoing,
    w.org_id, w.roles, c.country, t.theme, c.w * t.w, b.amounts
  FROM unnest(ids) AS x(id)
  JOIN projects p ON p.id = x.id
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
  -- Who: every participant; a project with none is its owner's.
  CROSS JOIN LATERAL (
    SELECT pp.org_id, array_agg(pp.role ORDER BY pp.role) AS roles
    FROM project_participants pp WHERE pp.project_id = p.id GROUP BY pp.org_id
    UNION ALL
    SELECT p.owner_org_id, '{}' WHERE NOT EXISTS (SELECT 1 FROM project_participants z WHERE z.project_id = p.id)) w
  -- A country's share where given, else an equal split, so a project's money is counted once.
  CROSS JOIN LATERAL (
    SELECT pc.country::text AS country, coalesce(pc.share / 100.0, 1.0 / count(*) OVER ())::float8 AS w
    FROM project_countries pc WHERE pc.project_id = p.id
    UNION ALL
    SELECT '', 1.0 WHERE NOT EXISTS (SELECT 1 FROM project_countries z WHERE z.project_id = p.id)) c
  CROSS JOIN LATERAL (
    SELECT pt.theme, (1.0 / count(*) OVER ())::float8 AS w FROM project_themes pt WHERE pt.project_id = p.id
    UNION ALL
    SELECT '', 1.0 WHERE NOT EXISTS (SELECT 1 FROM project_themes z WHERE z.project_id = p.id)) t
$$;

CREATE FUNCTION matrix_unconvertible_of(ids uuid[]) RETURNS SETOF matrix_unconvertible LANGUAGE sql STABLE AS $$
  SELECT DISTINCT b.project_id, b.currency::text FROM unnest(ids) AS x(id) JOIN budget_lines b ON b.project_id = x.id
  WHERE NOT EXISTS (SELECT 1 FROM exchange_rates x WHERE x.currency = b.currency::text)
$$;

-- SQL fragments per currency of the rate table, for the dynamic statements below: one plain sum
-- per currency is far cheaper than an aggregate over arrays.
CREATE FUNCTION matrix_sums(template text) RETURNS text LANGUAGE sql STABLE AS $$
  SELECT coalesce(string_agg(replace(template, '#', k::text), ', ' ORDER BY k), '')
  FROM generate_series(1, cardinality(matrix_currencies())) k
$$;

-- Each project's contribution to the cells at every level: 1 project and its share of the
-- budget, per visibility class, organisation and key (a dimension not split on is ''). Summed
-- per project first, then per cell: two hashed groupings rather than count(DISTINCT), which sorts.
CREATE FUNCTION matrix_contributions_sql(facts text) RETURNS text LANGUAGE sql STABLE AS $$
  SELECT format(
    'SELECT l.d AS dims, f.sign, f.project_id, f.visibility,
       CASE WHEN f.visibility = ''owner'' THEN f.owner_org_id ELSE ''00000000-0000-0000-0000-000000000000'' END AS owner_org_id,
       f.org_id, CASE WHEN l.d & 1 = 1 THEN f.country ELSE '''' END AS country,
       CASE WHEN l.d & 2 = 2 THEN f.theme ELSE '''' END AS theme%s
     FROM %s f CROSS JOIN (VALUES (0), (1), (2), (3)) AS l(d)
     GROUP BY 1, 2, 3, 4, 5, 6, 7, 8',
    CASE WHEN cardinality(matrix_currencies()) = 0 THEN ''
      ELSE ', ' || matrix_sums('coalesce(sum(f.budget[#] * f.w), 0) AS b#') END,
    facts)
$$;

CREATE FUNCTION matrix_recompute_cells() RETURNS void LANGUAGE plpgsql SET jit = off AS $$
BEGIN
  DELETE FROM matrix_cells;
  EXECUTE format(
    'INSERT INTO matrix_cells (dims, visibility, owner_org_id, org_id, country, theme, projects, budget)
     SELECT dims, visibility, owner_org_id, org_id, country, theme, count(*), ARRAY[%s]::float8[]
     FROM (%s) c GROUP BY 1, 2, 3, 4, 5, 6',
    matrix_sums('sum(b#)'), matrix_contributions_sql('(SELECT 1 AS sign, * FROM matrix_facts)'));
END $$;

-- Recomputes the facts of the given projects (removing those of deleted ones) and adds the
-- difference they make to the cells: what the projects contribute now minus what they did.
--
-- Without JIT: the planner overestimates these statements (it cannot know how few rows a batch
-- has), and PostgreSQL then spent 1.5 s compiling a statement that runs in 50 ms.
CREATE FUNCTION matrix_refresh(ids uuid[]) RETURNS void LANGUAGE plpgsql SET jit = off AS $$
BEGIN
  -- Two transactions refreshing one project would each miss the other's new facts.
  PERFORM pg_advisory_xact_lock(7212050);
  EXECUTE format(
    'WITH old AS (DELETE FROM matrix_facts f USING unnest($1) AS x(id) WHERE f.project_id = x.id RETURNING f.*),
     new AS (INSERT INTO matrix_facts SELECT * FROM matrix_facts_of($1) RETURNING *),
     change AS (SELECT -1 AS sign, * FROM old UNION ALL SELECT 1, * FROM new)
     INSERT INTO matrix_cells AS c (dims, visibility, owner_org_id, org_id, country, theme, projects, budget)
     SELECT dims, visibility, owner_org_id, org_id, country, theme, sum(sign), ARRAY[%s]::float8[]
     FROM (%s) d GROUP BY 1, 2, 3, 4, 5, 6
     ON CONFLICT (org_id, dims, country, theme, visibility, owner_org_id) DO UPDATE
     SET projects = c.projects + excluded.projects, budget = ARRAY[%s]::float8[]',
    matrix_sums('sum(sign * b#)'), matrix_contributions_sql('change'),
    matrix_sums('c.budget[#] + excluded.budget[#]'))
  USING ids;
  DELETE FROM matrix_cells WHERE projects = 0;
  DELETE FROM matrix_unconvertible u USING unnest(ids) AS x(id) WHERE u.project_id = x.id;
  INSERT INTO matrix_unconvertible SELECT * FROM matrix_unconvertible_of(ids);
END $$;

-- Everything from scratch: after a bulk load without triggers, or a new rate table.
-- In chunks of 2,000 projects: planned for a list of 100,000 ids at once, the facts took
-- PostgreSQL over 20 minutes.
CREATE FUNCTION matrix_refresh_all() RETURNS void LANGUAGE plpgsql SET jit = off AS $$
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

CREATE TABLE matrix_pending (project_id uuid PRIMARY KEY);

-- A transaction-local setting says whether anything is pending, so that the flush, which runs once
-- per noted row, returns at once for all rows but the first without reading matrix_pending (500
-- reads of a table of 500 deleted rows per IATI batch).
CREATE FUNCTION matrix_note() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_TABLE_NAME = 'projects' THEN
    INSERT INTO matrix_pending SELECT DISTINCT id FROM changed ON CONFLICT DO NOTHING;
  ELSE
    INSERT INTO matrix_pending SELECT DISTINCT project_id FROM changed ON CONFLICT DO NOTHING;
  END IF;
  PERFORM set_config('tacit.matrix_pending', 'yes', true);
  RETURN NULL;
END $$;

CREATE FUNCTION matrix_flush() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  ids uuid[];
BEGIN
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

CREATE CONSTRAINT TRIGGER matrix_pending_flush AFTER INSERT ON matrix_pending
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION matrix_flush();

DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['projects', 'project_countries', 'project_themes', 'project_participants', 'budget_lines'] LOOP
    EXECUTE format('CREATE TRIGGER %I AFTER INSERT ON %I REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION matrix_note()', t || '_matrix_ins', t);
    -- A row moved to another project changes both: the old rows are noted by a second trigger.
    EXECUTE format('CREATE TRIGGER %I AFTER UPDATE ON %I REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION matrix_note()', t || '_matrix_upd', t);
    EXECUTE format('CREATE TRIGGER %I AFTER UPDATE ON %I REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION matrix_note()', t || '_matrix_upd_old', t);
    EXECUTE format('CREATE TRIGGER %I AFTER DELETE ON %I REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION matrix_note()', t || '_matrix_del', t);
  END LOOP;
END $$;

-- Filled when the rate table is loaded, which every start does right after migrating
-- (src/reference/load.ts): budgets cannot be converted before.
