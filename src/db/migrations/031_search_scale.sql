-- Search at the scale of a national registry (100,000 projects, half a million passages).
--
-- 1. Names Tacit knows in three languages (countries, themes, organisations) are matched when a
--    query is compiled, against the facets (search_concept_matches), instead of being stemmed into
--    every entry's vector. Vectors shrink to a third, indexing is faster, and renaming an
--    organisation changes what its acronym finds without re-indexing anything.
-- 2. The texts that snippets are cut from live apart, in search_texts, so search_entries rows are
--    narrow and counting facets reads few pages.
-- 3. Entries fall into 256 sample buckets by insertion order, 32 consecutive entries a bucket, so a
--    bucket's rows share heap pages. A query that matches many entries is counted and ranked on a
--    few buckets (the service says when, and scales the counts).
-- 4. When a project changes, the records under it get its new facets without their text being
--    stemmed again (facets_only), which was most of the cost of indexing an imported activity.

DROP INDEX IF EXISTS search_entries_tsv_idx, search_entries_countries_idx, search_entries_themes_idx,
  search_entries_dac_idx, search_entries_orgs_idx, search_entries_date_idx, search_entries_project_idx;
TRUNCATE search_entries;
ALTER TABLE search_entries DROP COLUMN body;
ALTER TABLE search_entries ADD COLUMN bucket smallint GENERATED ALWAYS AS (((seq / 32) % 256)::smallint) STORED;

CREATE TABLE search_texts (
  kind text NOT NULL,
  record_id uuid NOT NULL,
  body text,
  PRIMARY KEY (kind, record_id)
);

-- Title (A), own text (B) and region names (C), in the record's language.
DROP FUNCTION IF EXISTS search_vector(regconfig, text, text, tsvector);
DROP FUNCTION IF EXISTS search_vector(regconfig, text, text, text);
CREATE FUNCTION search_vector(cfg regconfig, title text, body text, regions text[]) RETURNS tsvector
LANGUAGE sql STABLE AS $$
  SELECT setweight(to_tsvector(cfg, coalesce(title, '')), 'A')
    || setweight(to_tsvector(cfg, left(coalesce(body, ''), 200000)), 'B')
    || setweight(to_tsvector(cfg, array_to_string(regions, ' ')), 'C')
$$;
DROP FUNCTION IF EXISTS search_concepts(text[], text[], uuid[], text[]);

-- The facets and text of a kind's records, as search_entries and search_texts want them.
CREATE FUNCTION search_rows(kind_ text, ids uuid[]) RETURNS TABLE (
  id uuid, project_id uuid, owner_org_id uuid, visibility text, title text, body text, language text, config regconfig,
  countries text[], regions text[], themes text[], dac_codes text[], org_ids uuid[], org_roles text[],
  status text, score text, year_start int, year_end int, sort_date date
) LANGUAGE sql STABLE AS $$
  SELECT p.id, p.id, p.owner_org_id, p.visibility, p.title,
    concat_ws(E'\n', p.code, p.iati_identifier, p.description, p.outcome_statement), p.language, search_config(p.language),
    f.countries, f.regions, f.themes, f.dac_codes, f.org_ids, f.org_roles, p.status, p.outcome_score,
    extract(year FROM p.start_date)::int, CASE WHEN p.ongoing THEN NULL ELSE extract(year FROM p.end_date)::int END,
    coalesce(p.start_date, p.created_at::date)
  FROM projects p CROSS JOIN LATERAL (SELECT * FROM search_project_facets v WHERE v.id = p.id) f
  WHERE kind_ = 'project' AND p.id = ANY(ids)
  UNION ALL
  SELECT r.id, r.project_id, r.owner_org_id, r.visibility, r.title, b.body, r.language, search_config(r.language),
    ARRAY(SELECT DISTINCT unnest(r.countries || CASE WHEN inh THEN f.countries ELSE '{}' END)),
    ARRAY(SELECT DISTINCT unnest(r.regions || CASE WHEN inh THEN f.regions ELSE '{}' END)),
    ARRAY(SELECT DISTINCT unnest(r.themes || CASE WHEN inh THEN f.themes ELSE '{}' END)),
    CASE WHEN inh THEN f.dac_codes ELSE '{}' END,
    ARRAY(SELECT DISTINCT unnest(r.org_ids || ARRAY[r.owner_org_id] || CASE WHEN inh THEN f.org_ids ELSE '{}' END)),
    CASE WHEN inh THEN f.org_roles ELSE '{}' END,
    coalesce(r.status, CASE WHEN inh THEN f.status END), r.score,
    coalesce(extract(year FROM r.on_date)::int, CASE WHEN inh THEN extract(year FROM f.start_date)::int END),
    coalesce(extract(year FROM r.on_date)::int, CASE WHEN inh AND NOT f.ongoing THEN extract(year FROM f.end_date)::int END),
    coalesce(r.on_date, r.created_at::date)
  FROM search_record_source(kind_, ids) r
  LEFT JOIN LATERAL (SELECT * FROM search_project_facets v WHERE v.id = r.project_id) f ON true
  LEFT JOIN documents doc ON doc.id = r.document_id
  CROSS JOIN LATERAL (SELECT coalesce(search_inherits(f.visibility, f.owner_org_id, r.visibility, r.owner_org_id), false) AS inh) i
  CROSS JOIN LATERAL (SELECT concat_ws(E'\n', r.body, CASE WHEN search_inherits(doc.visibility, doc.owner_org_id, r.visibility, r.owner_org_id)
    THEN doc.text END) AS body) b
  WHERE kind_ <> 'project' AND kind_ <> 'organisation'
  UNION ALL
  SELECT o.id, NULL, NULL, 'public', o.name, concat_ws(' ', o.acronym, array_to_string(o.aliases, ' ')), NULL,
    'tacit_english'::regconfig, CASE WHEN o.country IS NULL THEN '{}' ELSE ARRAY[o.country::text] END, '{}', '{}', '{}',
    ARRAY[o.id], '{}', NULL, NULL, NULL, NULL, o.created_at::date
  FROM organisations o WHERE kind_ = 'organisation' AND o.id = ANY(ids)
$$;

-- How many entries each bucket holds, kept by search_index, so a sample can be scaled up without
-- counting half a million rows (and exactly, however unevenly a small index fills its buckets).
CREATE TABLE search_buckets (
  bucket smallint PRIMARY KEY,
  entries bigint NOT NULL
);

-- Indexes `ids` of one kind: facets and text, or (facets_only) the facets of entries that exist.
CREATE FUNCTION search_index(kind_ text, ids uuid[], facets_only boolean DEFAULT false) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
  gone smallint[];
  added smallint[];
BEGIN
  IF facets_only THEN
    UPDATE search_entries e SET project_id = r.project_id, owner_org_id = r.owner_org_id, visibility = r.visibility,
      countries = r.countries, regions = r.regions, themes = r.themes, dac_codes = r.dac_codes, org_ids = r.org_ids,
      org_roles = r.org_roles, status = r.status, score = r.score, year_start = r.year_start, year_end = r.year_end,
      sort_date = r.sort_date
    FROM search_rows(kind_, ids) r WHERE e.kind = kind_ AND e.record_id = r.id;
    RETURN;
  END IF;
  IF kind_ = 'organisation' THEN
    PERFORM search_refresh_organisation_stems(ids);
  END IF;
  WITH d AS (DELETE FROM search_entries WHERE kind = kind_ AND record_id = ANY(ids) RETURNING bucket)
  SELECT coalesce(array_agg(bucket), '{}') INTO gone FROM d;
  DELETE FROM search_texts WHERE kind = kind_ AND record_id = ANY(ids);
  WITH r AS MATERIALIZED (SELECT * FROM search_rows(kind_, ids)),
  t AS (INSERT INTO search_texts (kind, record_id, body) SELECT kind_, r.id, r.body FROM r),
  i AS (INSERT INTO search_entries (kind, record_id, project_id, owner_org_id, visibility, title, language, config,
    countries, regions, themes, dac_codes, org_ids, org_roles, status, score, year_start, year_end, sort_date, tsv)
  SELECT kind_, r.id, r.project_id, r.owner_org_id, r.visibility, r.title, r.language, r.config,
    r.countries, r.regions, r.themes, r.dac_codes, r.org_ids, r.org_roles, r.status, r.score, r.year_start, r.year_end,
    r.sort_date, search_vector(r.config, r.title, r.body, r.regions)
  FROM r RETURNING bucket)
  SELECT coalesce(array_agg(bucket), '{}') INTO added FROM i;
  -- In bucket order, so two transactions never wait for each other's buckets in a cycle.
  INSERT INTO search_buckets (bucket, entries)
  SELECT b, sum(n) FROM (SELECT unnest(added) AS b, 1 AS n UNION ALL SELECT unnest(gone), -1) x
  GROUP BY b HAVING sum(n) <> 0 ORDER BY b
  ON CONFLICT (bucket) DO UPDATE SET entries = search_buckets.entries + excluded.entries;
END $$;

-- The entry points that search_flush (migration 030) and the benchmark's generator call.
CREATE OR REPLACE FUNCTION search_refresh_projects(ids uuid[]) RETURNS void LANGUAGE sql AS $$
  SELECT search_index('project', ids)
$$;
CREATE OR REPLACE FUNCTION search_refresh_records(kind_ text, ids uuid[]) RETURNS void LANGUAGE sql AS $$
  SELECT search_index(kind_, ids)
$$;
CREATE OR REPLACE FUNCTION search_refresh_organisations(ids uuid[]) RETURNS void LANGUAGE sql AS $$
  SELECT search_index('organisation', ids)
$$;

-- A project's change gives the records under it its new facets; their own text is unchanged.
CREATE OR REPLACE FUNCTION search_refresh_project_tree(ids uuid[]) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  part uuid[];
  k text;
BEGIN
  PERFORM search_index('project', ids);
  FOREACH k IN ARRAY ARRAY['document', 'review', 'evaluation', 'recommendation', 'lesson', 'meeting'] LOOP
    SELECT array_agg(record_id) INTO part FROM search_entries WHERE kind = k AND project_id = ANY(ids);
    IF part IS NOT NULL THEN PERFORM search_index(k, part, true); END IF;
  END LOOP;
END $$;

-- What one word or phrase of a query names: countries, themes and organisations whose names (in
-- any of the three languages, with acronyms and aliases) contain all its stems in one language.
CREATE INDEX search_concept_stems_lexemes_idx ON search_concept_stems USING gin (lexemes);
CREATE FUNCTION search_concept_matches(term text, OUT countries text[], OUT themes text[], OUT orgs uuid[])
LANGUAGE sql STABLE AS $$
  WITH stems AS (
    SELECT tsvector_to_array(to_tsvector(c, term)) AS s
    FROM unnest(ARRAY['tacit_english', 'tacit_spanish', 'tacit_french']::regconfig[]) c),
  hit AS (
    SELECT DISTINCT k.key FROM stems, search_concept_stems k
    WHERE cardinality(stems.s) > 0 AND k.lexemes @> stems.s)
  SELECT
    ARRAY(SELECT substr(key, 9) FROM hit WHERE key LIKE 'country:%' ORDER BY 1),
    ARRAY(SELECT substr(key, 7) FROM hit WHERE key LIKE 'theme:%' ORDER BY 1),
    ARRAY(SELECT substr(key, 5)::uuid FROM hit WHERE key LIKE 'org:%' ORDER BY 1)
$$;

SELECT search_index('organisation', ARRAY(SELECT id FROM organisations));
SELECT search_index('project', ARRAY(SELECT id FROM projects));
SELECT search_index('document', ARRAY(SELECT id FROM documents));
SELECT search_index('review', ARRAY(SELECT id FROM reviews));
SELECT search_index('evaluation', ARRAY(SELECT id FROM evaluations));
SELECT search_index('recommendation', ARRAY(SELECT id FROM recommendations));
SELECT search_index('lesson', ARRAY(SELECT id FROM lessons));
SELECT search_index('meeting', ARRAY(SELECT id FROM meetings));


CREATE INDEX search_entries_tsv_idx ON search_entries USING gin (tsv);
CREATE INDEX search_entries_countries_idx ON search_entries USING gin (countries);
CREATE INDEX search_entries_themes_idx ON search_entries USING gin (themes);
CREATE INDEX search_entries_dac_idx ON search_entries USING gin (dac_codes);
CREATE INDEX search_entries_orgs_idx ON search_entries USING gin (org_ids);
CREATE INDEX search_entries_project_idx ON search_entries (project_id);
CREATE INDEX search_entries_date_idx ON search_entries (sort_date DESC, seq DESC);
CREATE INDEX search_entries_bucket_idx ON search_entries (bucket);
