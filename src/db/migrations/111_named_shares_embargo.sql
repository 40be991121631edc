-- Sharing with named organisations, and embargoes. A record's visibility may be 'shared': its
-- owner and the organisations in shared_with see it. embargo_until is the day a record becomes
-- public by itself (the embargo job, src/sharing/, publishes it then). The search index and the
-- 3W matrix copy shared_with beside visibility, so the one access filter applies to them as well.
DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['projects', 'documents', 'reviews', 'evaluations', 'recommendations', 'lessons',
    'meetings', 'assessments'] LOOP
    EXECUTE format('ALTER TABLE %I DROP CONSTRAINT %I', t, t || '_visibility_check');
    EXECUTE format('ALTER TABLE %I ADD COLUMN shared_with uuid[] NOT NULL DEFAULT ''{}'', '
      'ADD COLUMN embargo_until date, '
      'ADD CONSTRAINT %I CHECK (visibility IN (''public'', ''network'', ''shared'', ''owner'')), '
      'ADD CONSTRAINT %I CHECK ((visibility = ''shared'') = (cardinality(shared_with) > 0)), '
      'ADD CONSTRAINT %I CHECK (embargo_until IS NULL OR visibility <> ''public'')',
      t, t || '_visibility_check', t || '_shared_with_check', t || '_embargo_check');
    -- The embargo job looks for records whose day has come.
    EXECUTE format('CREATE INDEX %I ON %I (embargo_until) WHERE embargo_until IS NOT NULL', t || '_embargo_idx', t);
  END LOOP;
END $$;

ALTER TABLE search_entries ADD COLUMN shared_with uuid[] NOT NULL DEFAULT '{}';
ALTER TABLE matrix_facts ADD COLUMN shared_with uuid[] NOT NULL DEFAULT '{}';
-- A shared cell belongs to its owner and share list, as an owner-only cell to its owner.
ALTER TABLE matrix_cells ADD COLUMN shared_with uuid[] NOT NULL DEFAULT '{}';
ALTER TABLE matrix_cells DROP CONSTRAINT matrix_cells_pkey;
ALTER TABLE matrix_cells ADD PRIMARY KEY (org_id, dims, country, theme, visibility, owner_org_id, shared_with);

-- Their return types change (src/search/index.sql and src/access/visibility.sql define them again).
DROP FUNCTION IF EXISTS search_rows(text, uuid[]);
DROP FUNCTION IF EXISTS search_record_source(text, uuid[]);
DROP FUNCTION IF EXISTS search_inherits(text, uuid, text, uuid);
