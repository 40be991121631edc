-- The one search index over every kind of record (search_entries), kept up to date at commit:
-- statement triggers note what changed in search_pending and a deferred trigger indexes it.
-- A field its owner restricts beyond the record (field_visibility: a meeting's people, a review's
-- narrative, a document's text) is left out of the index, so no reader finds or sees it in a snippet;
-- the entry keeps the record's field_visibility (null for none), so a hit says what it withholds.
-- Applied when this file's checksum changes (src/db/routines.ts); each definition replaces its own.

CREATE OR REPLACE FUNCTION search_vector(cfg regconfig, title text, body text, regions text[]) RETURNS tsvector
LANGUAGE sql STABLE AS $$
  SELECT setweight(to_tsvector(cfg, coalesce(title, '')), 'A')
    || setweight(to_tsvector(cfg, left(coalesce(body, ''), 200000)), 'B')
    || setweight(to_tsvector(cfg, array_to_string(regions, ' ')), 'C')
$$;

-- Project facets, reused by the records that inherit them.
CREATE OR REPLACE VIEW search_project_facets AS
SELECT p.id, p.owner_org_id, p.visibility, p.title, p.status, p.start_date, p.end_date, p.ongoing,
  ARRAY(SELECT country::text FROM project_countries x WHERE x.project_id = p.id) AS countries,
  ARRAY(SELECT name FROM project_regions x WHERE x.project_id = p.id) AS regions,
  ARRAY(SELECT theme FROM project_themes x WHERE x.project_id = p.id) AS themes,
  ARRAY(SELECT code FROM project_sectors x WHERE x.project_id = p.id
    UNION SELECT left(code, 3) FROM project_sectors x WHERE x.project_id = p.id) AS dac_codes,
  ARRAY(SELECT org_id FROM project_participants x WHERE x.project_id = p.id
    UNION SELECT p.owner_org_id) AS org_ids,
  ARRAY(SELECT org_id || ':' || role FROM project_participants x WHERE x.project_id = p.id) AS org_roles,
  p.shared_with
FROM projects p;

CREATE OR REPLACE FUNCTION search_record_source(kind_ text, ids uuid[]) RETURNS TABLE (
  id uuid, project_id uuid, document_id uuid, owner_org_id uuid, visibility text, shared_with uuid[], title text, body text,
  language text, countries text[], regions text[], themes text[], org_ids uuid[], status text, score text, on_date date,
  created_at timestamptz, field_visibility jsonb
) LANGUAGE sql STABLE AS $$
  SELECT d.id, d.project_id, NULL::uuid, d.owner_org_id, d.visibility, d.shared_with, coalesce(d.title, d.filename),
    CASE WHEN d.field_visibility ? 'text' THEN NULL ELSE d.text END, d.language::text,
    '{}'::text[], '{}'::text[], '{}'::text[], '{}'::uuid[], NULL, NULL, search_document_date(d.extraction), d.created_at, d.field_visibility
  FROM documents d WHERE kind_ = 'document' AND d.id = ANY(ids)
  UNION ALL
  SELECT r.id, r.project_id, r.document_id, r.owner_org_id, r.visibility, r.shared_with,
    initcap(replace(r.kind, '_', '-')) || ' review' || coalesce(' ' || r.period_label, ''),
    concat_ws(E'\n', CASE WHEN r.field_visibility ? 'narrative' THEN NULL ELSE r.narrative END,
      (SELECT string_agg(x->>'text', E'\n') FROM jsonb_array_elements(r.progress) x),
      (SELECT string_agg(x->>'title', E'\n') FROM jsonb_array_elements(r.output_scores) x)),
    NULL, '{}', '{}', '{}', '{}', NULL, r.overall_score, coalesce(r.period_end, r.period_start), r.created_at, r.field_visibility
  FROM reviews r WHERE kind_ = 'review' AND r.id = ANY(ids)
  UNION ALL
  SELECT e.id, e.project_id, e.document_id, e.owner_org_id, e.visibility, e.shared_with, e.title,
    concat_ws(E'\n', e.summary, array_to_string(e.evaluators, ', '), array_to_string(e.methods, ', '),
      (SELECT string_agg(concat_ws(': ', x->>'criterion', x->>'text'), E'\n') FROM jsonb_array_elements(e.findings) x)),
    NULL, e.field_missions::text[], '{}', '{}', '{}', NULL, NULL, e.completed_on, e.created_at, e.field_visibility
  FROM evaluations e WHERE kind_ = 'evaluation' AND e.id = ANY(ids)
  UNION ALL
  SELECT r.id, r.project_id, NULL, r.owner_org_id, r.visibility, r.shared_with, search_short_title(r.text),
    concat_ws(E'\n', r.text, r.category, r.addressee, r.response_text),
    NULL, CASE WHEN r.country IS NULL THEN '{}' ELSE ARRAY[r.country::text] END, '{}', '{}', '{}', r.status, NULL, r.issued_on, r.created_at, r.field_visibility
  FROM recommendations r WHERE kind_ = 'recommendation' AND r.id = ANY(ids)
  UNION ALL
  SELECT l.id, l.project_id, NULL, l.owner_org_id, l.visibility, l.shared_with, search_short_title(l.text), l.text,
    NULL, l.countries::text[], '{}', l.themes, '{}', NULL, NULL, NULL, l.created_at, l.field_visibility
  FROM lessons l WHERE kind_ = 'lesson' AND l.id = ANY(ids)
  UNION ALL
  SELECT m.id, m.project_id, m.document_id, m.owner_org_id, m.visibility, m.shared_with, m.title,
    concat_ws(E'\n', m.summary, m.place, (SELECT string_agg(concat_ws(', ', x->>'name', x->>'role'), E'\n')
      FROM jsonb_array_elements(m.people) x WHERE NOT m.field_visibility ? 'people')),
    NULL, m.countries::text[], m.regions, m.themes,
    ARRAY(SELECT (x->>'org_id')::uuid FROM jsonb_array_elements(m.organisations) x WHERE x->>'org_id' IS NOT NULL),
    NULL, NULL, m.held_on, m.created_at, m.field_visibility
  FROM meetings m WHERE kind_ = 'meeting' AND m.id = ANY(ids)
$$;

-- Each search entry carries its facet values as one line of text, written when the entry is.
--
-- A search hands every facet's values over its matches to Node, which counts them (search.repository.ts).
-- Joining each match's arrays into text as the search ran (array_to_string of its countries,
-- themes, codes and organisation ids, ten aggregates) cost the embedded engine 4.4 ms for 1,500
-- matches; one aggregate of a line kept with the entry costs 1.2 ms.
--
-- The line holds, in this order, separated by U+001F: kind, countries, regions, themes, DAC purpose
-- codes (the 5-digit ones only: the 3-digit categories are kept in dac_codes to filter by, and are
-- not facet values), organisation ids, status, start year, score, language. A list's items are
-- separated by U+001D; an absent value is an empty field. The separators are taken out of the one
-- free text (region names), so a line always splits the same way.
CREATE OR REPLACE FUNCTION search_facet_line(kind text, countries text[], regions text[], themes text[],
  dac_codes text[], org_ids uuid[], status text, year_start int, score text, language char(2))
RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT concat_ws(E'\x1f', kind, array_to_string(countries, E'\x1d'),
    array_to_string(ARRAY(SELECT translate(r, E'\x1d\x1e\x1f', '') FROM unnest(regions) r), E'\x1d'),
    array_to_string(themes, E'\x1d'),
    array_to_string(ARRAY(SELECT c FROM unnest(dac_codes) c WHERE length(c) = 5), E'\x1d'),
    array_to_string(org_ids, E'\x1d'), coalesce(status, ''), coalesce(year_start::text, ''),
    coalesce(score, ''), coalesce(trim(language), ''))
$$;

-- The facets and text of a kind's records, as search_entries and search_texts want them.
CREATE OR REPLACE FUNCTION search_rows(kind_ text, ids uuid[]) RETURNS TABLE (
  id uuid, project_id uuid, owner_org_id uuid, visibility text, shared_with uuid[], title text, body text, language text,
  config regconfig,
  countries text[], regions text[], themes text[], dac_codes text[], org_ids uuid[], org_roles text[],
  status text, score text, year_start int, year_end int, sort_date date, own_date date, field_visibility jsonb
) LANGUAGE sql STABLE AS $$
  SELECT p.id, p.id, p.owner_org_id, p.visibility, p.shared_with, p.title,
    concat_ws(E'\n', p.code, p.iati_identifier, p.description, p.outcome_statement), p.language, search_config(p.language),
    f.countries, f.regions, f.themes, f.dac_codes, f.org_ids, f.org_roles, p.status, p.outcome_score,
    extract(year FROM p.start_date)::int, CASE WHEN p.ongoing THEN NULL ELSE extract(year FROM p.end_date)::int END,
    coalesce(p.start_date, p.created_at::date), p.start_date, nullif(p.field_visibility, '{}')
  FROM projects p CROSS JOIN LATERAL (SELECT * FROM search_project_facets v WHERE v.id = p.id) f
  WHERE kind_ = 'project' AND p.id = ANY(ids)
  UNION ALL
  SELECT r.id, r.project_id, r.owner_org_id, r.visibility, r.shared_with, r.title, b.body, r.language, search_config(r.language),
    ARRAY(SELECT DISTINCT unnest(r.countries || CASE WHEN inh THEN f.countries ELSE '{}' END)),
    ARRAY(SELECT DISTINCT unnest(r.regions || CASE WHEN inh THEN f.regions ELSE '{}' END)),
    ARRAY(SELECT DISTINCT unnest(r.themes || CASE WHEN inh THEN f.themes ELSE '{}' END)),
    CASE WHEN inh THEN f.dac_codes ELSE '{}' END,
    ARRAY(SELECT DISTINCT unnest(r.org_ids || ARRAY[r.owner_org_id] || CASE WHEN inh THEN f.org_ids ELSE '{}' END)),
    CASE WHEN inh THEN f.org_roles ELSE '{}' END,
    coalesce(r.status, CASE WHEN inh THEN f.status END), r.score,
    coalesce(extract(year FROM r.on_date)::int, CASE WHEN inh THEN extract(year FROM f.start_date)::int END),
    coalesce(extract(year FROM r.on_date)::int, CASE WHEN inh AND NOT f.ongoing THEN extract(year FROM f.end_date)::int END),
    coalesce(r.on_date, r.created_at::date), r.on_date, nullif(r.field_visibility, '{}')
  FROM search_record_source(kind_, ids) r
  LEFT JOIN LATERAL (SELECT * FROM search_project_facets v WHERE v.id = r.project_id) f ON true
  LEFT JOIN documents doc ON doc.id = r.document_id
  CROSS JOIN LATERAL (SELECT coalesce(search_inherits(f.visibility, f.owner_org_id, f.shared_with, r.visibility, r.owner_org_id, r.shared_with), false) AS inh) i
  CROSS JOIN LATERAL (SELECT concat_ws(E'\n', r.body, CASE WHEN search_inherits(doc.visibility, doc.owner_org_id, doc.shared_with, r.visibility, r.owner_org_id, r.shared_with)
    AND NOT doc.field_visibility ? 'text' THEN doc.text END) AS body) b
  WHERE kind_ <> 'project' AND kind_ <> 'organisation'
  UNION ALL
  SELECT o.id, NULL, NULL, 'public', '{}'::uuid[], o.name, concat_ws(' ', o.acronym, array_to_string(o.aliases, ' ')), NULL,
    'tacit_english'::regconfig, CASE WHEN o.country IS NULL THEN '{}' ELSE ARRAY[o.country::text] END, '{}', '{}', '{}',
    ARRAY[o.id], '{}', NULL, NULL, NULL, NULL, o.created_at::date, NULL, NULL
  FROM organisations o WHERE kind_ = 'organisation' AND o.id = ANY(ids)
$$;

-- Indexes `ids` of one kind: facets and text, or (facets_only) the facets of entries that exist.
CREATE OR REPLACE FUNCTION search_index(kind_ text, ids uuid[], facets_only boolean DEFAULT false) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
  gone smallint[];
  added smallint[];
BEGIN
  IF facets_only THEN
    UPDATE search_entries e SET project_id = r.project_id, owner_org_id = r.owner_org_id, visibility = r.visibility,
      shared_with = r.shared_with,
      countries = r.countries, regions = r.regions, themes = r.themes, dac_codes = r.dac_codes, org_ids = r.org_ids,
      org_roles = r.org_roles, status = r.status, score = r.score, year_start = r.year_start, year_end = r.year_end,
      sort_date = r.sort_date, own_date = r.own_date, field_visibility = r.field_visibility
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
  i AS (INSERT INTO search_entries (kind, record_id, project_id, owner_org_id, visibility, shared_with, title, language, config,
    countries, regions, themes, dac_codes, org_ids, org_roles, status, score, year_start, year_end, sort_date, own_date, field_visibility, tsv)
  SELECT kind_, r.id, r.project_id, r.owner_org_id, r.visibility, r.shared_with, r.title, r.language, r.config,
    r.countries, r.regions, r.themes, r.dac_codes, r.org_ids, r.org_roles, r.status, r.score, r.year_start, r.year_end,
    r.sort_date, r.own_date, r.field_visibility, search_vector(r.config, r.title, r.body, r.regions)
  FROM r RETURNING bucket)
  SELECT coalesce(array_agg(bucket), '{}') INTO added FROM i;
  -- In bucket order, so two transactions never wait for each other's buckets in a cycle.
  INSERT INTO search_buckets (bucket, entries)
  SELECT b, sum(n) FROM (SELECT unnest(added) AS b, 1 AS n UNION ALL SELECT unnest(gone), -1) x
  GROUP BY b HAVING sum(n) <> 0 ORDER BY b
  ON CONFLICT (bucket) DO UPDATE SET entries = search_buckets.entries + excluded.entries;
END $$;

-- The entry points that search_flush and the benchmark's generator call.
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

CREATE OR REPLACE FUNCTION search_sync() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_TABLE_NAME IN ('project_countries', 'project_regions', 'project_themes', 'project_sectors', 'project_participants') THEN
    INSERT INTO search_pending (kind, id) SELECT DISTINCT 'project', project_id FROM changed ON CONFLICT DO NOTHING;
  ELSE
    INSERT INTO search_pending (kind, id)
    SELECT DISTINCT CASE TG_TABLE_NAME
        WHEN 'projects' THEN 'project'
        WHEN 'organisations' THEN 'organisation'
        WHEN 'documents' THEN 'document'
        WHEN 'reviews' THEN 'review'
        WHEN 'evaluations' THEN 'evaluation'
        WHEN 'recommendations' THEN 'recommendation'
        WHEN 'lessons' THEN 'lesson'
        WHEN 'meetings' THEN 'meeting'
      END, id
    FROM changed
    ON CONFLICT DO NOTHING;
  END IF;
  RETURN NULL;
END $$;

DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['projects', 'organisations', 'documents', 'reviews', 'evaluations', 'recommendations',
    'lessons', 'meetings', 'project_countries', 'project_regions', 'project_themes', 'project_sectors', 'project_participants']
  LOOP
    EXECUTE format('CREATE OR REPLACE TRIGGER %I AFTER INSERT ON %I REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION search_sync()', t || '_search_ins', t);
    EXECUTE format('CREATE OR REPLACE TRIGGER %I AFTER UPDATE ON %I REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION search_sync()', t || '_search_upd', t);
    EXECUTE format('CREATE OR REPLACE TRIGGER %I AFTER DELETE ON %I REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION search_sync()', t || '_search_del', t);
  END LOOP;
END $$;

-- Indexes everything pending, as a function of its own (search_flush calls it).
CREATE OR REPLACE FUNCTION search_index_pending() RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  ids uuid[];
  k text;
BEGIN
  IF NOT EXISTS (SELECT 1 FROM search_pending) THEN
    RETURN;
  END IF;
  SELECT array_agg(id) INTO ids FROM search_pending WHERE kind = 'project';
  IF ids IS NOT NULL THEN
    PERFORM search_refresh_project_tree(ids);
  END IF;
  SELECT array_agg(id) INTO ids FROM search_pending WHERE kind = 'organisation';
  IF ids IS NOT NULL THEN
    PERFORM search_refresh_organisations(ids);
  END IF;
  SELECT array_agg(id) INTO ids FROM search_pending WHERE kind = 'document';
  IF ids IS NOT NULL THEN
    PERFORM search_refresh_records('document', ids);
    -- Reviews, evaluations and meetings are found by the words of their source document too.
    INSERT INTO search_pending (kind, id)
      SELECT 'review', id FROM reviews WHERE document_id = ANY(ids)
      UNION SELECT 'evaluation', id FROM evaluations WHERE document_id = ANY(ids)
      UNION SELECT 'meeting', id FROM meetings WHERE document_id = ANY(ids)
    ON CONFLICT DO NOTHING;
  END IF;
  FOREACH k IN ARRAY ARRAY['review', 'evaluation', 'recommendation', 'lesson', 'meeting'] LOOP
    SELECT array_agg(id) INTO ids FROM search_pending WHERE kind = k;
    IF ids IS NOT NULL THEN
      PERFORM search_refresh_records(k, ids);
    END IF;
  END LOOP;
  DELETE FROM search_pending;
END $$;

-- Clears the flag first: rows noted from now on queue the next flush.
CREATE OR REPLACE FUNCTION search_flush() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM set_config('tacit.search_flush', '', true);
  PERFORM search_index_pending();
  RETURN NULL;
END $$;

DROP TRIGGER IF EXISTS search_pending_flush ON search_pending;
CREATE CONSTRAINT TRIGGER search_pending_flush AFTER INSERT ON search_pending
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW WHEN (upkeep_flush_due('tacit.search_flush'))
  EXECUTE FUNCTION search_flush();

CREATE OR REPLACE FUNCTION search_keep_statistics() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  now_ bigint := (SELECT coalesce(sum(entries), 0) FROM search_buckets);
  then_ bigint := (SELECT analysed_entries FROM search_statistics);
BEGIN
  IF abs(now_ - then_) < 1000 OR (now_ < then_ * 2 AND now_ * 2 > then_) THEN
    RETURN NULL;
  END IF;
  -- One writer analyses; another that crosses the line meanwhile need not wait for it.
  IF pg_try_advisory_xact_lock(7212034) THEN
    ANALYZE search_entries;
    UPDATE search_statistics SET analysed_entries = now_;
  END IF;
  RETURN NULL;
END $$;

-- search_index keeps the bucket sizes once per call; so this runs once per call.
CREATE OR REPLACE TRIGGER search_buckets_statistics AFTER INSERT OR UPDATE ON search_buckets
  FOR EACH STATEMENT EXECUTE FUNCTION search_keep_statistics();
