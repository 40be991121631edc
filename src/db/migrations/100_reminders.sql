-- Reminders that reach people: scheduled jobs claimed once per slot by whichever server sharing
-- the database gets there first, daily digests recorded per recipient so none is sent twice, the
-- users who turned digests off, and the signed links that let a responsible person record progress
-- on one key action without signing in.

-- One row per job and slot (for the daily digest, the day). The server whose INSERT wins runs it;
-- a claim left unfinished by a server that died can be taken over after a while.
CREATE TABLE scheduled_runs (
  job text NOT NULL,
  slot text NOT NULL,
  claimed_by text NOT NULL,
  claimed_at timestamptz NOT NULL,
  finished_at timestamptz,
  error text,
  PRIMARY KEY (job, slot)
);

-- Digests are on unless the user turned them off.
CREATE TABLE digest_preferences (
  user_id uuid PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
  digest_enabled boolean NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- Each digest e-mail, claimed ('sending') before it is handed to the mail server, so that two
-- servers or a second run never send it again.
CREATE TABLE digest_deliveries (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  org_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
  user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  digest_date date NOT NULL,
  email text NOT NULL,
  status text NOT NULL CHECK (status IN ('sending', 'sent', 'failed')),
  summary jsonb NOT NULL DEFAULT '{}',
  error text,
  created_at timestamptz NOT NULL,
  sent_at timestamptz,
  UNIQUE (org_id, user_id, digest_date)
);
CREATE INDEX digest_deliveries_org_idx ON digest_deliveries (org_id, digest_date);

-- The key that signs action links, made once and shared by every server on the database.
CREATE TABLE signing_keys (
  name text PRIMARY KEY,
  secret text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

-- Each signed link issued: one key action, one recipient, used at most once.
CREATE TABLE action_links (
  id uuid PRIMARY KEY,
  recommendation_id uuid NOT NULL REFERENCES recommendations(id) ON DELETE CASCADE,
  action_index int NOT NULL CHECK (action_index >= 0),
  org_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
  user_id uuid REFERENCES users(id) ON DELETE SET NULL,
  expires_at timestamptz NOT NULL,
  used_at timestamptz,
  created_at timestamptz NOT NULL
);
CREATE INDEX action_links_recommendation_idx ON action_links (recommendation_id);
