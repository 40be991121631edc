-- Field-level visibility: a record's sensitive fields (a project's budget, a meeting's people, a
-- document's file, ...) may be seen by fewer readers than the record. field_visibility maps a
-- field to 'network' (signed-in members) or 'owner'; a field it does not name follows the record.
-- The matrix facts copy the budget's, so aggregates add up only budgets their reader may see.
DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['projects', 'documents', 'reviews', 'evaluations', 'recommendations', 'lessons',
    'meetings'] LOOP
    EXECUTE format('ALTER TABLE %I ADD COLUMN field_visibility jsonb NOT NULL DEFAULT ''{}''', t);
  END LOOP;
END $$;

-- '' when the budget follows its project.
ALTER TABLE matrix_facts ADD COLUMN budget_visibility text NOT NULL DEFAULT '';
-- Few projects restrict their budget: the matrix adds theirs to the kept cells per reader.
CREATE INDEX matrix_facts_restricted_budget_idx ON matrix_facts (project_id) WHERE budget_visibility <> '';
