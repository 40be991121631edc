-- A merge of two organisations, or of two projects, entered twice: the source is folded into the
-- target and removed. `snapshot` holds every row the merge changed or removed, as it was, so that
-- undoing the merge restores the exact previous state. source_id and target_id take no foreign key:
-- the source no longer exists while the merge stands.
CREATE TABLE merges (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  kind text NOT NULL CHECK (kind IN ('organisation', 'project')),
  source_id uuid NOT NULL,
  target_id uuid NOT NULL,
  source_name text NOT NULL,
  target_name text NOT NULL,
  merged_by uuid REFERENCES users(id) ON DELETE SET NULL,
  merged_at timestamptz NOT NULL DEFAULT now(),
  snapshot jsonb NOT NULL,
  undone_by uuid REFERENCES users(id) ON DELETE SET NULL,
  undone_at timestamptz
);
CREATE INDEX merges_target ON merges (kind, target_id);
