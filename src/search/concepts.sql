-- Concepts a search word can stand for: countries, themes and organisations by any of their
-- names, in every language, kept as stems that follow the vocabularies and organisations.
-- Applied at every start-up whose checksum of this file differs from the last one applied
-- (src/db/routines.ts): each definition replaces the one in place, so this file is what runs.

CREATE OR REPLACE FUNCTION search_config(lang text) RETURNS regconfig LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE lower(lang) WHEN 'es' THEN 'tacit_spanish'::regconfig WHEN 'fr' THEN 'tacit_french'::regconfig
    ELSE 'tacit_english'::regconfig END
$$;

CREATE OR REPLACE FUNCTION search_stems(t text) RETURNS text[] LANGUAGE sql STABLE AS $$
  SELECT tsvector_to_array(to_tsvector('tacit_english', t) || to_tsvector('tacit_spanish', t) || to_tsvector('tacit_french', t))
$$;

CREATE OR REPLACE FUNCTION search_refresh_concept_stems() RETURNS trigger LANGUAGE plpgsql AS $$
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

CREATE OR REPLACE TRIGGER countries_search_stems AFTER INSERT OR UPDATE OR DELETE ON countries
  FOR EACH STATEMENT EXECUTE FUNCTION search_refresh_concept_stems();

CREATE OR REPLACE TRIGGER themes_search_stems AFTER INSERT OR UPDATE OR DELETE ON themes
  FOR EACH STATEMENT EXECUTE FUNCTION search_refresh_concept_stems();

-- Organisations change one at a time, and their stems with them (search_sync calls this).
CREATE OR REPLACE FUNCTION search_refresh_organisation_stems(ids uuid[]) RETURNS void LANGUAGE sql AS $$
  DELETE FROM search_concept_stems WHERE key = ANY(ARRAY(SELECT 'org:' || id FROM unnest(ids) AS u(id)));
  INSERT INTO search_concept_stems
  SELECT 'org:' || o.id, search_stems(concat_ws(' ', o.name, o.acronym, array_to_string(o.aliases, ' ')))
  FROM organisations o WHERE o.id = ANY(ids);
$$;

CREATE OR REPLACE FUNCTION search_names_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO search_names_changes DEFAULT VALUES;
  -- Keep the table small: fold the oldest rows this transaction can take into one.
  IF (SELECT count(*) FROM search_names_changes) > 64 THEN
    WITH gone AS (
      DELETE FROM search_names_changes WHERE id IN (
        SELECT id FROM search_names_changes ORDER BY id LIMIT 48 FOR UPDATE SKIP LOCKED)
      RETURNING weight)
    INSERT INTO search_names_changes (weight) SELECT sum(weight) FROM gone HAVING count(*) > 0;
  END IF;
  RETURN NULL;
END $$;

CREATE OR REPLACE TRIGGER organisations_search_names AFTER INSERT OR UPDATE OR DELETE ON organisations
  FOR EACH STATEMENT EXECUTE FUNCTION search_names_changed();

CREATE OR REPLACE TRIGGER search_concept_stems_names AFTER INSERT OR UPDATE OR DELETE ON search_concept_stems
  FOR EACH STATEMENT EXECUTE FUNCTION search_names_changed();

CREATE OR REPLACE FUNCTION search_names_version() RETURNS bigint LANGUAGE sql STABLE AS $$
  SELECT coalesce(sum(weight), 0)::bigint FROM search_names_changes
$$;

CREATE OR REPLACE FUNCTION search_concept_matches(term text, OUT countries text[], OUT themes text[], OUT orgs uuid[])
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
