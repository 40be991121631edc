-- Uploaded files. The bytes live in the database (document_files), so a server on another
-- machine, or a replica, sees the same files as the embedded engine.
CREATE TABLE documents (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  seq bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
  owner_org_id uuid NOT NULL REFERENCES organisations(id),
  visibility text NOT NULL DEFAULT 'owner' CHECK (visibility IN ('public', 'network', 'owner')),
  project_id uuid REFERENCES projects(id) ON DELETE SET NULL,
  title text,
  filename text NOT NULL,
  media_type text NOT NULL,
  size_bytes int NOT NULL CHECK (size_bytes >= 0),
  sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  kind text NOT NULL DEFAULT 'other' CHECK (kind IN (
    'annual_review', 'evaluation', 'meeting_report', 'background_note', 'iati', 'other')),
  language char(2),
  text text,
  extraction jsonb,
  status text NOT NULL DEFAULT 'stored' CHECK (status IN ('stored', 'extracted', 'confirmed', 'failed')),
  version int NOT NULL DEFAULT 1,
  created_by uuid REFERENCES users(id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
-- The same file uploaded twice by one organisation is recognised, not stored twice.
CREATE UNIQUE INDEX documents_owner_sha_key ON documents (owner_org_id, sha256);
CREATE INDEX documents_project_idx ON documents (project_id);

CREATE TABLE document_files (
  document_id uuid PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
  content bytea NOT NULL
);
