-- Soft delete: a deleted record keeps its row, with visibility 'deleted', so the one access filter
-- hides it from every read (the search index and the 3W matrix copy visibility and follow at
-- commit). deleted_visibility keeps what it was, for a restore within 30 days; the purge job then
-- deletes the row and what belongs to it. deleted_with names the project whose deletion took the
-- record with it (a project's reviews, evaluations, recommendations, lessons and assessments).
DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['projects', 'documents', 'reviews', 'evaluations', 'recommendations', 'lessons',
    'meetings', 'assessments'] LOOP
    EXECUTE format('ALTER TABLE %I DROP CONSTRAINT %I, DROP CONSTRAINT %I', t,
      t || '_visibility_check', t || '_shared_with_check');
    EXECUTE format('ALTER TABLE %I ADD COLUMN deleted_at timestamptz, '
      'ADD COLUMN deleted_by uuid REFERENCES users(id) ON DELETE SET NULL, '
      'ADD COLUMN deleted_visibility text, '
      'ADD COLUMN deleted_with uuid, '
      'ADD CONSTRAINT %I CHECK (visibility IN (''public'', ''network'', ''shared'', ''owner'', ''deleted'')), '
      'ADD CONSTRAINT %I CHECK (((visibility = ''shared'') = (cardinality(shared_with) > 0)) '
      '  OR (visibility = ''deleted'' AND deleted_visibility = ''shared'')), '
      'ADD CONSTRAINT %I CHECK ((visibility = ''deleted'') = (deleted_at IS NOT NULL AND deleted_visibility IS NOT NULL))',
      t, t || '_visibility_check', t || '_shared_with_check', t || '_deleted_check');
    -- The trash lists an organisation's deleted records; the purge job finds the old ones.
    EXECUTE format('CREATE INDEX %I ON %I (owner_org_id, deleted_at) WHERE deleted_at IS NOT NULL',
      t || '_deleted_idx', t);
  END LOOP;
END $$;
