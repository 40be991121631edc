-- Indexing speed: stemming every country, theme and organisation name in three languages for
-- each record cost about 2 ms per record. Their stems are now kept once per name, and a record's
-- concept vector is put together from them.
CREATE TABLE search_concept_stems (
  key text PRIMARY KEY,
  lexemes text[] NOT NULL
);

CREATE FUNCTION search_stems(t text) RETURNS text[] LANGUAGE sql STABLE AS $$
  SELECT tsvector_to_array(to_tsvector('tacit_english', t) || to_tsvector('tacit_spanish', t) || to_tsvector('tacit_french', t))
$$;

CREATE FUNCTION search_refresh_concept_stems() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_TABLE_NAME = 'countries' THEN
    DELETE FROM search_concept_stems WHERE key LIKE 'country:%';
    INSERT INTO search_concept_stems SELECT 'country:' || code, search_stems(concat_ws(' ', name_en, name_es, name_fr)) FROM countries;
  ELSIF TG_TABLE_NAME = 'themes' THEN
    DELETE FROM search_concept_stems WHERE key LIKE 'theme:%';
    INSERT INTO search_concept_stems SELECT 'theme:' || slug, search_stems(concat_ws(' ', label_en, label_es, label_fr)) FROM themes;
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER countries_search_stems AFTER INSERT OR UPDATE OR DELETE ON countries
  FOR EACH STATEMENT EXECUTE FUNCTION search_refresh_concept_stems();
CREATE TRIGGER themes_search_stems AFTER INSERT OR UPDATE OR DELETE ON themes
  FOR EACH STATEMENT EXECUTE FUNCTION search_refresh_concept_stems();

-- Organisations change one at a time, and their stems with them (search_sync calls this).
CREATE FUNCTION search_refresh_organisation_stems(ids uuid[]) RETURNS void LANGUAGE sql AS $$
  DELETE FROM search_concept_stems WHERE key = ANY(ARRAY(SELECT 'org:' || id FROM unnest(ids) AS u(id)));
  INSERT INTO search_concept_stems
  SELECT 'org:' || o.id, search_stems(concat_ws(' ', o.name, o.acronym, array_to_string(o.aliases, ' ')))
  FROM organisations o WHERE o.id = ANY(ids);
$$;

-- The stems are joined with spaces and read back with the 'simple' configuration, which keeps
-- them as they are and gives them positions, so they can carry weight C in the ranking.
DROP FUNCTION search_concepts(text[], text[], uuid[], text[]);
CREATE FUNCTION search_concepts(c text[], t text[], o uuid[], r text[]) RETURNS tsvector LANGUAGE sql STABLE AS $$
  SELECT to_tsvector('simple', concat_ws(' ',
    (SELECT string_agg(array_to_string(s.lexemes, ' '), ' ') FROM search_concept_stems s
      WHERE s.key = ANY(ARRAY(SELECT 'country:' || x FROM unnest(c) AS u(x))
        || ARRAY(SELECT 'theme:' || x FROM unnest(t) AS u(x)) || ARRAY(SELECT 'org:' || x FROM unnest(o) AS u(x)))),
    CASE WHEN cardinality(r) > 0 THEN array_to_string(search_stems(array_to_string(r, ' ')), ' ') END))
$$;

CREATE FUNCTION search_vector(cfg regconfig, title text, body text, concepts tsvector) RETURNS tsvector
LANGUAGE sql STABLE AS $$
  SELECT setweight(to_tsvector(cfg, coalesce(title, '')), 'A')
    || setweight(to_tsvector(cfg, left(coalesce(body, ''), 200000)), 'B')
    || setweight(concepts, 'C')
$$;

CREATE OR REPLACE FUNCTION search_refresh_organisations(ids uuid[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  PERFORM search_refresh_organisation_stems(ids);
  DELETE FROM search_entries WHERE kind = 'organisation' AND record_id = ANY(ids);
  INSERT INTO search_entries (kind, record_id, owner_org_id, visibility, title, body, config, countries, org_ids, sort_date, tsv)
  SELECT 'organisation', o.id, NULL, 'public', o.name, concat_ws(' ', o.acronym, array_to_string(o.aliases, ' ')),
    'tacit_english', CASE WHEN o.country IS NULL THEN '{}' ELSE ARRAY[o.country::text] END, ARRAY[o.id], o.created_at::date,
    search_vector('tacit_english'::regconfig, o.name, concat_ws(' ', o.acronym, array_to_string(o.aliases, ' ')),
      search_concepts(CASE WHEN o.country IS NULL THEN '{}' ELSE ARRAY[o.country::text] END, '{}', '{}', '{}'))
  FROM organisations o WHERE o.id = ANY(ids);
END $$;

INSERT INTO search_concept_stems SELECT 'country:' || code, search_stems(concat_ws(' ', name_en, name_es, name_fr)) FROM countries;
INSERT INTO search_concept_stems SELECT 'theme:' || slug, search_stems(concat_ws(' ', label_en, label_es, label_fr)) FROM themes;
SELECT search_refresh_organisations(ARRAY(SELECT id FROM organisations));
SELECT search_refresh_projects(ARRAY(SELECT id FROM projects));
SELECT search_refresh_records(k, ARRAY(SELECT record_id FROM search_entries WHERE kind = k))
FROM unnest(ARRAY['document', 'review', 'evaluation', 'recommendation', 'lesson', 'meeting']) k;
