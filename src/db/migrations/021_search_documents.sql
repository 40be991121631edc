-- Reviews, evaluations and meetings are also found by the words of the document they were read
-- from (a meeting report names the prosecutors its record leaves out), when everyone who may see
-- the record may also see the document. Regions a record inherits are searchable names too.
DROP FUNCTION search_refresh_records(text, uuid[]);
DROP FUNCTION search_record_source(text, uuid[]);

CREATE FUNCTION search_record_source(kind_ text, ids uuid[]) RETURNS TABLE (
  id uuid, project_id uuid, document_id uuid, owner_org_id uuid, visibility text, title text, body text, language text,
  countries text[], regions text[], themes text[], org_ids uuid[], status text, score text, on_date date, created_at timestamptz
) LANGUAGE sql STABLE AS $$
  SELECT d.id, d.project_id, NULL::uuid, d.owner_org_id, d.visibility, coalesce(d.title, d.filename), d.text, d.language::text,
    '{}'::text[], '{}'::text[], '{}'::text[], '{}'::uuid[], NULL, NULL, NULL::date, d.created_at
  FROM documents d WHERE kind_ = 'document' AND d.id = ANY(ids)
  UNION ALL
  SELECT r.id, r.project_id, r.document_id, r.owner_org_id, r.visibility,
    initcap(replace(r.kind, '_', '-')) || ' review' || coalesce(' ' || r.period_label, ''),
    concat_ws(E'\n', r.narrative, (SELECT string_agg(x->>'text', E'\n') FROM jsonb_array_elements(r.progress) x),
      (SELECT string_agg(x->>'title', E'\n') FROM jsonb_array_elements(r.output_scores) x)),
    NULL, '{}', '{}', '{}', '{}', NULL, r.overall_score, coalesce(r.period_end, r.period_start), r.created_at
  FROM reviews r WHERE kind_ = 'review' AND r.id = ANY(ids)
  UNION ALL
  SELECT e.id, e.project_id, e.document_id, e.owner_org_id, e.visibility, e.title,
    concat_ws(E'\n', e.summary, array_to_string(e.evaluators, ', '), array_to_string(e.methods, ', '),
      (SELECT string_agg(concat_ws(': ', x->>'criterion', x->>'text'), E'\n') FROM jsonb_array_elements(e.findings) x)),
    NULL, e.field_missions::text[], '{}', '{}', '{}', NULL, NULL, e.completed_on, e.created_at
  FROM evaluations e WHERE kind_ = 'evaluation' AND e.id = ANY(ids)
  UNION ALL
  SELECT r.id, r.project_id, NULL, r.owner_org_id, r.visibility, left(r.text, 160),
    concat_ws(E'\n', r.text, r.category, r.addressee, r.response_text),
    NULL, CASE WHEN r.country IS NULL THEN '{}' ELSE ARRAY[r.country::text] END, '{}', '{}', '{}', r.status, NULL, NULL, r.created_at
  FROM recommendations r WHERE kind_ = 'recommendation' AND r.id = ANY(ids)
  UNION ALL
  SELECT l.id, l.project_id, NULL, l.owner_org_id, l.visibility, left(l.text, 160), l.text,
    NULL, l.countries::text[], '{}', l.themes, '{}', NULL, NULL, NULL, l.created_at
  FROM lessons l WHERE kind_ = 'lesson' AND l.id = ANY(ids)
  UNION ALL
  SELECT m.id, m.project_id, m.document_id, m.owner_org_id, m.visibility, m.title,
    concat_ws(E'\n', m.summary, m.place, (SELECT string_agg(concat_ws(', ', x->>'name', x->>'role'), E'\n') FROM jsonb_array_elements(m.people) x)),
    NULL, m.countries::text[], m.regions, m.themes,
    ARRAY(SELECT (x->>'org_id')::uuid FROM jsonb_array_elements(m.organisations) x WHERE x->>'org_id' IS NOT NULL),
    NULL, NULL, m.held_on, m.created_at
  FROM meetings m WHERE kind_ = 'meeting' AND m.id = ANY(ids)
$$;

CREATE FUNCTION search_refresh_records(kind_ text, ids uuid[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM search_entries WHERE kind = kind_ AND record_id = ANY(ids);
  INSERT INTO search_entries (kind, record_id, project_id, owner_org_id, visibility, title, body, language, config,
    countries, regions, themes, dac_codes, org_ids, org_roles, status, score, year_start, year_end, sort_date, tsv)
  SELECT kind_, r.id, r.project_id, r.owner_org_id, r.visibility, r.title, b.body, r.language, search_config(r.language),
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
    search_vector(search_config(r.language), r.title, b.body,
      search_concepts(r.countries || CASE WHEN inh THEN f.countries ELSE '{}' END,
        r.themes || CASE WHEN inh THEN f.themes ELSE '{}' END,
        r.org_ids || CASE WHEN inh THEN f.org_ids ELSE '{}' END,
        r.regions || CASE WHEN inh THEN f.regions ELSE '{}' END))
  FROM search_record_source(kind_, ids) r
  LEFT JOIN search_project_facets f ON f.id = r.project_id
  LEFT JOIN documents doc ON doc.id = r.document_id
  CROSS JOIN LATERAL (SELECT coalesce(search_inherits(f.visibility, f.owner_org_id, r.visibility, r.owner_org_id), false) AS inh) i
  CROSS JOIN LATERAL (SELECT concat_ws(E'\n', r.body, CASE WHEN search_inherits(doc.visibility, doc.owner_org_id, r.visibility, r.owner_org_id)
    THEN doc.text END) AS body) b;
END $$;

CREATE OR REPLACE FUNCTION search_sync() RETURNS trigger LANGUAGE plpgsql AS $$
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
      WHEN 'documents' THEN
        PERFORM search_refresh_records('document', ids);
        PERFORM search_refresh_records('review', ARRAY(SELECT id FROM reviews WHERE document_id = ANY(ids)));
        PERFORM search_refresh_records('evaluation', ARRAY(SELECT id FROM evaluations WHERE document_id = ANY(ids)));
        PERFORM search_refresh_records('meeting', ARRAY(SELECT id FROM meetings WHERE document_id = ANY(ids)));
      WHEN 'reviews' THEN PERFORM search_refresh_records('review', ids);
      WHEN 'evaluations' THEN PERFORM search_refresh_records('evaluation', ids);
      WHEN 'recommendations' THEN PERFORM search_refresh_records('recommendation', ids);
      WHEN 'lessons' THEN PERFORM search_refresh_records('lesson', ids);
      WHEN 'meetings' THEN PERFORM search_refresh_records('meeting', ids);
    END CASE;
  END IF;
  RETURN NULL;
END $$;

SELECT search_refresh_records('review', ARRAY(SELECT id FROM reviews));
SELECT search_refresh_records('evaluation', ARRAY(SELECT id FROM evaluations));
SELECT search_refresh_records('meeting', ARRAY(SELECT id FROM meetings));
SELECT search_refresh_records('lesson', ARRAY(SELECT id FROM lessons));
SELECT search_refresh_records('recommendation', ARRAY(SELECT id FROM recommendations));
