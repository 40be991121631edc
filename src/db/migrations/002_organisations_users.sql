-- Organisations form a public directory (names of agencies are not secret); what they own
-- carries its own visibility. Users belong to organisations with one role in each.
CREATE TABLE organisations (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  seq bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
  name text NOT NULL CHECK (length(trim(name)) > 0),
  acronym text,
  aliases text[] NOT NULL DEFAULT '{}',
  type text NOT NULL DEFAULT 'other' CHECK (type IN (
    'donor_government', 'multilateral', 'ngo', 'recipient_institution', 'research', 'private_sector', 'other')),
  country char(2) REFERENCES countries(code),
  parent_id uuid REFERENCES organisations(id) ON DELETE SET NULL,
  iati_ref text,
  website text,
  -- The organisation that registered this entry (may edit it until the organisation has members).
  created_by_org_id uuid REFERENCES organisations(id) ON DELETE SET NULL,
  version int NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX organisations_name_key ON organisations (lower(name));
CREATE UNIQUE INDEX organisations_iati_ref_key ON organisations (iati_ref) WHERE iati_ref IS NOT NULL;
CREATE INDEX organisations_acronym_idx ON organisations (lower(acronym));
CREATE INDEX organisations_aliases_idx ON organisations USING gin (aliases);

CREATE TABLE users (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  email text NOT NULL,
  name text,
  password_hash text,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX users_email_key ON users (lower(email));

CREATE TABLE memberships (
  user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  org_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
  role text NOT NULL CHECK (role IN ('admin', 'editor', 'viewer')),
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (user_id, org_id)
);
CREATE INDEX memberships_org_idx ON memberships (org_id);

-- Only hashes are stored: a leaked table gives no usable session or token.
CREATE TABLE sessions (
  token_hash text PRIMARY KEY,
  user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL
);
CREATE INDEX sessions_user_idx ON sessions (user_id);

CREATE TABLE api_tokens (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  name text,
  token_hash text NOT NULL UNIQUE,
  scope text NOT NULL CHECK (scope IN ('read', 'write')),
  created_at timestamptz NOT NULL DEFAULT now(),
  last_used_at timestamptz,
  revoked_at timestamptz
);
