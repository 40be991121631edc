-- The projects capability's SQL functions (read by projects.repository.ts).
-- Applied at every start-up whose checksum of this file differs from the last one applied
-- (src/db/routines.ts): each definition replaces the one in place, so this file is what runs.

-- A project's child rows as one JSON object. As a PL/pgSQL function its inner queries are planned
-- once per connection and reused, which makes reading a whole project several times faster than
-- the same subqueries planned afresh in every request (most of the cost on the embedded engine).
CREATE OR REPLACE FUNCTION project_children(p_id uuid) RETURNS json LANGUAGE plpgsql STABLE AS $$
DECLARE
  result json;
BEGIN
  SELECT json_build_object(
    'countries', COALESCE((SELECT json_agg(json_build_object('code', pc.country, 'name', c.name_en, 'share', pc.share)
        ORDER BY pc.share DESC NULLS LAST, pc.country)
      FROM project_countries pc JOIN countries c ON c.code = pc.country WHERE pc.project_id = p_id), '[]'),
    'regions', COALESCE((SELECT json_agg(json_build_object('name', pr.name, 'code', pr.code, 'share', pr.share) ORDER BY pr.name)
      FROM project_regions pr WHERE pr.project_id = p_id), '[]'),
    'themes', COALESCE((SELECT json_agg(pt.theme ORDER BY t.position)
      FROM project_themes pt JOIN themes t ON t.slug = pt.theme WHERE pt.project_id = p_id), '[]'),
    'dac_codes', COALESCE((SELECT json_agg(json_build_object('code', ps.code, 'name', d.name, 'share', ps.share) ORDER BY ps.code)
      FROM project_sectors ps JOIN dac_codes d ON d.code = ps.code WHERE ps.project_id = p_id), '[]'),
    'budget', COALESCE((SELECT json_agg(json_build_object('amount', b.amount, 'currency', b.currency, 'category', b.category,
        'period_start', b.period_start, 'period_end', b.period_end, 'value_date', b.value_date, 'label', b.label) ORDER BY b.position)
      FROM budget_lines b WHERE b.project_id = p_id), '[]'),
    'participants', COALESCE((SELECT json_agg(json_build_object('org_id', pp.org_id, 'name', po.name, 'acronym', po.acronym,
        'role', pp.role) ORDER BY po.name, pp.role)
      FROM project_participants pp JOIN organisations po ON po.id = pp.org_id WHERE pp.project_id = p_id), '[]'),
    'outputs', COALESCE((SELECT json_agg(json_build_object('number', op.number, 'title', op.title, 'description', op.description,
        'score', op.score) ORDER BY op.position)
      FROM outputs op WHERE op.project_id = p_id), '[]'),
    'indicators', COALESCE((SELECT json_agg(json_build_object('output_number', i.output_number, 'title', i.title, 'unit', i.unit,
        'baseline_value', i.baseline_value, 'baseline_date', i.baseline_date, 'target_value', i.target_value,
        'target_date', i.target_date, 'actual_value', i.actual_value, 'actual_date', i.actual_date) ORDER BY i.position)
      FROM indicators i WHERE i.project_id = p_id), '[]'))
  INTO result;
  RETURN result;
END;
$$;
