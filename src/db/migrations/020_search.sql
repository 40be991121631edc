-- One search index over every kind of record (projects, documents, reviews, evaluations,
-- recommendations, lessons, meetings, organisations), kept up to date by statement-level triggers,
-- so a search with facets reads one table. Each entry copies its record's owner and visibility,
-- so the one access filter applies to it as it does to the record.

-- Accents are ignored ("fiscalía" finds "Fiscalia") by putting unaccent in front of each
-- language's stemmer; ts_headline then still highlights the accented words of the original text.
CREATE TEXT SEARCH CONFIGURATION tacit_english (COPY = english);
ALTER TEXT SEARCH CONFIGURATION tacit_english ALTER MAPPING FOR hword, hword_part, word WITH unaccent, english_stem;
CREATE TEXT SEARCH CONFIGURATION tacit_spanish (COPY = spanish);
ALTER TEXT SEARCH CONFIGURATION tacit_spanish ALTER MAPPING FOR hword, hword_part, word WITH unaccent, spanish_stem;
CREATE TEXT SEARCH CONFIGURATION tacit_french (COPY = french);
ALTER TEXT SEARCH CONFIGURATION tacit_french ALTER MAPPING FOR hword, hword_part, word WITH unaccent, french_stem;

CREATE FUNCTION search_config(lang text) RETURNS regconfig LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE lower(lang) WHEN 'es' THEN 'tacit_spanish'::regconfig WHEN 'fr' THEN 'tacit_french'::regconfig
    ELSE 'tacit_english'::regconfig END
$$;

CREATE TABLE search_entries (
  seq bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
  kind text NOT NULL CHECK (kind IN (
    'project', 'document', 'review', 'evaluation', 'recommendation', 'lesson', 'meeting', 'organisation')),
  record_id uuid NOT NULL,
  project_id uuid,
  -- NULL for organisations, which form a public directory.
  owner_org_id uuid,
  visibility text NOT NULL,
  title text NOT NULL,
  body text,
  language char(2),
  config regconfig NOT NULL,
  -- Facets. A record inherits its project's only when everyone who may see the record may also
  -- see the project (search_inherits), so a facet never reveals a project one may not see.
  countries text[] NOT NULL DEFAULT '{}',
  regions text[] NOT NULL DEFAULT '{}',
  themes text[] NOT NULL DEFAULT '{}',
  -- 5-digit purpose codes and their 3-digit categories, so either filters.
  dac_codes text[] NOT NULL DEFAULT '{}',
  org_ids uuid[] NOT NULL DEFAULT '{}',
  -- '<org id>:<role>' for the organisation-and-role filter.
  org_roles text[] NOT NULL DEFAULT '{}',
  status text,
  score text,
  year_start int,
  year_end int,
  sort_date date,
  tsv tsvector NOT NULL,
  PRIMARY KEY (kind, record_id)
);
CREATE INDEX search_entries_tsv_idx ON search_entries USING gin (tsv);
CREATE INDEX search_entries_countries_idx ON search_entries USING gin (countries);
CREATE INDEX search_entries_themes_idx ON search_entries USING gin (themes);
CREATE INDEX search_entries_dac_idx ON search_entries USING gin (dac_codes);
CREATE INDEX search_entries_orgs_idx ON search_entries USING gin (org_ids);
CREATE INDEX search_entries_project_idx ON search_entries (project_id);
CREATE INDEX search_entries_date_idx ON search_entries (sort_date DESC, seq DESC);
CREATE INDEX projects_title_trgm_idx ON projects USING gin (title gin_trgm_ops);

-- May everyone who sees a record with (rec_vis, rec_owner) also see the project (p_vis, p_owner)?
CREATE FUNCTION search_inherits(p_vis text, p_owner uuid, rec_vis text, rec_owner uuid) RETURNS boolean
LANGUAGE sql IMMUTABLE AS $$
  SELECT p_vis = 'public' OR (p_vis = 'network' AND rec_vis <> 'public') OR (rec_vis = 'owner' AND p_owner = rec_owner)
$$;

-- Names Tacit knows in all three languages, so a query in one language finds a record written in
-- another: country names, theme labels, and every name, acronym and alias of the organisations.
CREATE FUNCTION search_concepts(c text[], t text[], o uuid[], r text[]) RETURNS text LANGUAGE sql STABLE AS $$
  SELECT concat_ws(' ',
    (SELECT string_agg(concat_ws(' ', name_en, name_es, name_fr), ' ') FROM countries WHERE code = ANY(c)),
    (SELECT string_agg(concat_ws(' ', label_en, label_es, label_fr), ' ') FROM themes WHERE slug = ANY(t)),
    (SELECT string_agg(concat_ws(' ', name, acronym, array_to_string(aliases, ' ')), ' ') FROM organisations WHERE id = ANY(o)),
    array_to_string(r, ' '))
$$;

-- Title (A) and body (B) stemmed in the record's language; concepts (C) in all three.
CREATE FUNCTION search_vector(cfg regconfig, title text, body text, concepts text) RETURNS tsvector
LANGUAGE sql STABLE AS $$
  SELECT setweight(to_tsvector(cfg, coalesce(title, '')), 'A')
    || setweight(to_tsvector(cfg, left(coalesce(body, ''), 200000)), 'B')
    || setweight(to_tsvector('tacit_english', coalesce(concepts, '')) || to_tsvector('tacit_spanish', coalesce(concepts, ''))
       || to_tsvector('tacit_french', coalesce(concepts, '')), 'C')
$$;

-- One word of a query in any of the three languages. A word that is a stop word in any of them
-- ("la", "de") is dropped, because records in that language could never contain it.
CREATE FUNCTION search_term_query(term text) RETURNS tsquery LANGUAGE sql STABLE AS $$
  SELECT CASE WHEN numnode(e) = 0 OR numnode(s) = 0 OR numnode(f) = 0 THEN ''::tsquery ELSE e || s || f END
  FROM (SELECT plainto_tsquery('tacit_english', term) e, plainto_tsquery('tacit_spanish', term) s,
    plainto_tsquery('tacit_french', term) f) x
$$;

CREATE FUNCTION search_phrase_query(phrase text) RETURNS tsquery LANGUAGE sql STABLE AS $$
  SELECT phraseto_tsquery('tacit_english', phrase) || phraseto_tsquery('tacit_spanish', phrase)
    || phraseto_tsquery('tacit_french', phrase)
$$;

-- Project facets, reused by the records that inherit them.
CREATE VIEW search_project_facets AS
SELECT p.id, p.owner_org_id, p.visibility, p.title, p.status, p.start_date, p.end_date, p.ongoing,
  ARRAY(SELECT country::text FROM project_countries x WHERE x.project_id = p.id) AS countries,
  ARRAY(SELECT name FROM project_regions x WHERE x.project_id = p.id) AS regions,
  ARRAY(SELECT theme FROM project_themes x WHERE x.project_id = p.id) AS themes,
  ARRAY(SELECT code FROM project_sectors x WHERE x.project_id = p.id
    UNION SELECT left(code, 3) FROM project_sectors x WHERE x.project_id = p.id) AS dac_codes,
  ARRAY(SELECT org_id FROM project_participants x WHERE x.project_id = p.id
    UNION SELECT p.owner_org_id) AS org_ids,
  ARRAY(SELECT org_id || ':' || role FROM project_participants x WHERE x.project_id = p.id) AS org_roles
FROM projects p;

CREATE FUNCTION search_refresh_projects(ids uuid[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM search_entries WHERE kind = 'project' AND record_id = ANY(ids);
  INSERT INTO search_entries (kind, record_id, project_id, owner_org_id, visibility, title, body, language, config,
    countries, regions, themes, dac_codes, org_ids, org_roles, status, score, year_start, year_end, sort_date, tsv)
  SELECT 'project', p.id, p.id, p.owner_org_id, p.visibility, p.title,
    concat_ws(E'\n', p.code, p.iati_identifier, p.description, p.outcome_statement), p.language, search_config(p.language),
    f.countries, f.regions, f.themes, f.dac_codes, f.org_ids, f.org_roles, p.status, p.outcome_score,
    extract(year FROM p.start_date)::int, CASE WHEN p.ongoing THEN NULL ELSE extract(year FROM p.end_date)::int END,
    coalesce(p.start_date, p.created_at::date),
    search_vector(search_config(p.language), p.title, concat_ws(E'\n', p.code, p.iati_identifier, p.description, p.outcome_statement),
      search_concepts(f.countries, f.themes, f.org_ids, f.regions))
  FROM projects p JOIN search_project_facets f ON f.id = p.id
  WHERE p.id = ANY(ids);
END $$;

-- Records that hang off a project (reviews, evaluations, …) in one shape, so one function indexes them all.
CREATE FUNCTION search_refresh_records(kind_ text, ids uuid[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM search_entries WHERE kind = kind_ AND record_id = ANY(ids);
  INSERT INTO search_entries (kind, record_id, project_id, owner_org_id, visibility, title, body, language, config,
    countries, regions, themes, dac_codes, org_ids, org_roles, status, score, year_start, year_end, sort_date, tsv)
  SELECT kind_, r.id, r.project_id, r.owner_org_id, r.visibility, r.title, r.body, r.language, search_config(r.language),
    ARRAY(SELECT DISTINCT unnest(r.countries || CASE WHEN inh THEN f.countries ELSE '{}' END)),
    ARRAY(SELECT DISTINCT unnest(r.regions || CASE WHEN inh THEN f.regions ELSE '{}' END)),
    ARRAY(SELECT DISTINCT unnest(r.themes || CASE WHEN inh THEN f.themes ELSE '{}' END)),
    CASE WHEN inh THEN f.dac_codes ELSE '{}' END,
    ARRAY(SELECT DISTINCT unnest(r.org_ids || ARRAY[r.owner_org_id] || CASE WHEN inh THEN f.org_ids ELSE '{}' END)),
    CASE WHEN inh THEN f.org_roles ELSE '{}' END,
    coalesce(r.status, CASE WHEN inh THEN f.status END), r.score,
    coalesce(extract(year FROM r.on_date)::int, CASE WHEN inh THEN extract(year FROM f.start_date)::int END),
    coalesce(extract(year FROM r.on_date)::int, CASE WHEN inh AND NOT f.ongoing THEN extract(year FROM f.end_date)::int END),
    coalesce(r.on_date, r.created_at::date),
    search_vector(search_config(r.language), r.title, r.body,
      search_concepts(r.countries || CASE WHEN inh THEN f.countries ELSE '{}' END,
        r.themes || CASE WHEN inh THEN f.themes ELSE '{}' END,
        r.org_ids || CASE WHEN inh THEN f.org_ids ELSE '{}' END, r.regions))
  FROM search_record_source(kind_, ids) r
  LEFT JOIN search_project_facets f ON f.id = r.project_id
  CROSS JOIN LATERAL (SELECT coalesce(search_inherits(f.visibility, f.owner_org_id, r.visibility, r.owner_org_id), false) AS inh) i;
END $$;

-- The searchable shape of each kind of owned record.
CREATE FUNCTION search_record_source(kind_ text, ids uuid[]) RETURNS TABLE (
  id uuid, project_id uuid, owner_org_id uuid, visibility text, title text, body text, language text,
  countries text[], regions text[], themes text[], org_ids uuid[], status text, score text, on_date date, created_at timestamptz
) LANGUAGE sql STABLE AS $$
  SELECT d.id, d.project_id, d.owner_org_id, d.visibility, coalesce(d.title, d.filename), d.text, d.language::text,
    '{}'::text[], '{}'::text[], '{}'::text[], '{}'::uuid[], NULL, NULL, NULL::date, d.created_at
  FROM documents d WHERE kind_ = 'document' AND d.id = ANY(ids)
  UNION ALL
  SELECT r.id, r.project_id, r.owner_org_id, r.visibility,
    initcap(replace(r.kind, '_', '-')) || ' review' || coalesce(' ' || r.period_label, ''),
    concat_ws(E'\n', r.narrative, (SELECT string_agg(x->>'text', E'\n') FROM jsonb_array_elements(r.progress) x),
      (SELECT string_agg(x->>'title', E'\n') FROM jsonb_array_elements(r.output_scores) x)),
    NULL, '{}', '{}', '{}', '{}', NULL, r.overall_score, coalesce(r.period_end, r.period_start), r.created_at
  FROM reviews r WHERE kind_ = 'review' AND r.id = ANY(ids)
  UNION ALL
  SELECT e.id, e.project_id, e.owner_org_id, e.visibility, e.title,
    concat_ws(E'\n', e.summary, array_to_string(e.evaluators, ', '), array_to_string(e.methods, ', '),
      (SELECT string_agg(concat_ws(': ', x->>'criterion', x->>'text'), E'\n') FROM jsonb_array_elements(e.findings) x)),
    NULL, e.field_missions::text[], '{}', '{}', '{}', NULL, NULL, e.completed_on, e.created_at
  FROM evaluations e WHERE kind_ = 'evaluation' AND e.id = ANY(ids)
  UNION ALL
  SELECT r.id, r.project_id, r.owner_org_id, r.visibility, left(r.text, 160),
    concat_ws(E'\n', r.text, r.category, r.addressee, r.response_text),
    NULL, CASE WHEN r.country IS NULL THEN '{}' ELSE ARRAY[r.country::text] END, '{}', '{}', '{}', r.status, NULL, NULL, r.created_at
  FROM recommendations r WHERE kind_ = 'recommendation' AND r.id = ANY(ids)
  UNION ALL
  SELECT l.id, l.project_id, l.owner_org_id, l.visibility, left(l.text, 160), l.text,
    NULL, l.countries::text[], '{}', l.themes, '{}', NULL, NULL, NULL, l.created_at
  FROM lessons l WHERE kind_ = 'lesson' AND l.id = ANY(ids)
  UNION ALL
  SELECT m.id, m.project_id, m.owner_org_id, m.visibility, m.title,
    concat_ws(E'\n', m.summary, m.place, (SELECT string_agg(concat_ws(', ', x->>'name', x->>'role'), E'\n') FROM jsonb_array_elements(m.people) x)),
    NULL, m.countries::text[], m.regions, m.themes,
    ARRAY(SELECT (x->>'org_id')::uuid FROM jsonb_array_elements(m.organisations) x WHERE x->>'org_id' IS NOT NULL),
    NULL, NULL, m.held_on, m.created_at
  FROM meetings m WHERE kind_ = 'meeting' AND m.id = ANY(ids)
$$;

CREATE FUNCTION search_refresh_organisations(ids uuid[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM search_entries WHERE kind = 'organisation' AND record_id = ANY(ids);
  INSERT INTO search_entries (kind, record_id, owner_org_id, visibility, title, body, config, countries, org_ids, sort_date, tsv)
  SELECT 'organisation', o.id, NULL, 'public', o.name, concat_ws(' ', o.acronym, array_to_string(o.aliases, ' ')),
    'tacit_english', CASE WHEN o.country IS NULL THEN '{}' ELSE ARRAY[o.country::text] END, ARRAY[o.id], o.created_at::date,
    search_vector('tacit_english', o.name, concat_ws(' ', o.acronym, array_to_string(o.aliases, ' ')),
      search_concepts(CASE WHEN o.country IS NULL THEN '{}' ELSE ARRAY[o.country::text] END, '{}', '{}', '{}'))
  FROM organisations o WHERE o.id = ANY(ids);
END $$;

-- A project's change re-indexes the records that inherit its facets.
CREATE FUNCTION search_refresh_project_tree(ids uuid[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  PERFORM search_refresh_projects(ids);
  PERFORM search_refresh_records('document', ARRAY(SELECT id FROM documents WHERE project_id = ANY(ids)));
  PERFORM search_refresh_records('review', ARRAY(SELECT id FROM reviews WHERE project_id = ANY(ids)));
  PERFORM search_refresh_records('evaluation', ARRAY(SELECT id FROM evaluations WHERE project_id = ANY(ids)));
  PERFORM search_refresh_records('recommendation', ARRAY(SELECT id FROM recommendations WHERE project_id = ANY(ids)));
  PERFORM search_refresh_records('lesson', ARRAY(SELECT id FROM lessons WHERE project_id = ANY(ids)));
  PERFORM search_refresh_records('meeting', ARRAY(SELECT id FROM meetings WHERE project_id = ANY(ids)));
END $$;

-- Statement-level: a batch of 1,000 imported activities re-indexes once, not 1,000 times.
CREATE FUNCTION search_sync() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  ids uuid[];
BEGIN
  IF TG_TABLE_NAME IN ('project_countries', 'project_regions', 'project_themes', 'project_sectors', 'project_participants') THEN
    SELECT array_agg(DISTINCT project_id) INTO ids FROM changed;
    PERFORM search_refresh_project_tree(ids);
  ELSE
    SELECT array_agg(id) INTO ids FROM changed;
    CASE TG_TABLE_NAME
      WHEN 'projects' THEN PERFORM search_refresh_project_tree(ids);
      WHEN 'organisations' THEN PERFORM search_refresh_organisations(ids);
      WHEN 'documents' THEN PERFORM search_refresh_records('document', ids);
      WHEN 'reviews' THEN PERFORM search_refresh_records('review', ids);
      WHEN 'evaluations' THEN PERFORM search_refresh_records('evaluation', ids);
      WHEN 'recommendations' THEN PERFORM search_refresh_records('recommendation', ids);
      WHEN 'lessons' THEN PERFORM search_refresh_records('lesson', ids);
      WHEN 'meetings' THEN PERFORM search_refresh_records('meeting', ids);
    END CASE;
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
    EXECUTE format('CREATE TRIGGER %I AFTER INSERT ON %I REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION search_sync()', t || '_search_ins', t);
    EXECUTE format('CREATE TRIGGER %I AFTER UPDATE ON %I REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION search_sync()', t || '_search_upd', t);
    EXECUTE format('CREATE TRIGGER %I AFTER DELETE ON %I REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION search_sync()', t || '_search_del', t);
  END LOOP;
END $$;

-- Index what exists already.
SELECT search_refresh_organisations(ARRAY(SELECT id FROM organisations));
SELECT search_refresh_projects(ARRAY(SELECT id FROM projects));
SELECT search_refresh_records('document', ARRAY(SELECT id FROM documents));
SELECT search_refresh_records('review', ARRAY(SELECT id FROM reviews));
SELECT search_refresh_records('evaluation', ARRAY(SELECT id FROM evaluations));
SELECT search_refresh_records('recommendation', ARRAY(SELECT id FROM recommendations));
SELECT search_refresh_records('lesson', ARRAY(SELECT id FROM lessons));
SELECT search_refresh_records('meeting', ARRAY(SELECT id FROM meetings));
