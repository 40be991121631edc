-- Indexing speed: joined by plain equality, the project-facets view was worked out for every
-- project before the join; as a LATERAL subquery it is worked out for the projects indexed only.
CREATE OR REPLACE FUNCTION search_refresh_projects(ids uuid[]) RETURNS void LANGUAGE plpgsql AS $$
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
  FROM projects p CROSS JOIN LATERAL (SELECT * FROM search_project_facets v WHERE v.id = p.id) f
  WHERE p.id = ANY(ids);
END $$;

CREATE OR REPLACE FUNCTION search_refresh_records(kind_ text, ids uuid[]) RETURNS void LANGUAGE plpgsql AS $$
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
  LEFT JOIN LATERAL (SELECT * FROM search_project_facets v WHERE v.id = r.project_id) f ON true
  LEFT JOIN documents doc ON doc.id = r.document_id
  CROSS JOIN LATERAL (SELECT coalesce(search_inherits(f.visibility, f.owner_org_id, r.visibility, r.owner_org_id), false) AS inh) i
  CROSS JOIN LATERAL (SELECT concat_ws(E'\n', r.body, CASE WHEN search_inherits(doc.visibility, doc.owner_org_id, r.visibility, r.owner_org_id)
    THEN doc.text END) AS body) b;
END $$;
