-- What is learned about projects: reviews, evaluations, their recommendations and lessons, and
-- meetings. Each record has its own owner and visibility: a public project may have a private review.
CREATE TABLE reviews (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  seq bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
  owner_org_id uuid NOT NULL REFERENCES organisations(id),
  visibility text NOT NULL DEFAULT 'network' CHECK (visibility IN ('public', 'network', 'owner')),
  project_id uuid NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
  document_id uuid REFERENCES documents(id) ON DELETE SET NULL,
  kind text NOT NULL DEFAULT 'annual' CHECK (kind IN ('annual', 'mid_term', 'completion', 'other')),
  period_label text,
  period_start date,
  period_end date,
  -- Every score is stored with the scale it was given on.
  scale text NOT NULL DEFAULT 'uk_annual_review' CHECK (scale IN ('uk_annual_review', 'cssf_numeric', 'six_point')),
  overall_score text,
  outcome_score text,
  risk_rating text,
  risk_scale text CHECK (risk_scale IN ('low_medium_high', 'minor_severe')),
  output_scores jsonb NOT NULL DEFAULT '[]',
  progress jsonb NOT NULL DEFAULT '[]',
  narrative text,
  version int NOT NULL DEFAULT 1,
  created_by uuid REFERENCES users(id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (period_end IS NULL OR period_start IS NULL OR period_end >= period_start)
);
CREATE INDEX reviews_project_idx ON reviews (project_id);

CREATE TABLE evaluations (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  seq bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
  owner_org_id uuid NOT NULL REFERENCES organisations(id),
  visibility text NOT NULL DEFAULT 'network' CHECK (visibility IN ('public', 'network', 'owner')),
  project_id uuid REFERENCES projects(id) ON DELETE CASCADE,
  document_id uuid REFERENCES documents(id) ON DELETE SET NULL,
  title text NOT NULL,
  type text NOT NULL DEFAULT 'final' CHECK (type IN ('mid_term', 'final', 'thematic', 'other')),
  independent boolean NOT NULL DEFAULT true,
  evaluators text[] NOT NULL DEFAULT '{}',
  methods text[] NOT NULL DEFAULT '{}',
  field_missions char(2)[] NOT NULL DEFAULT '{}',
  stakeholders_total int CHECK (stakeholders_total >= 0),
  stakeholders_female int CHECK (stakeholders_female >= 0),
  stakeholders_male int CHECK (stakeholders_male >= 0),
  completed_on date,
  summary text,
  findings jsonb NOT NULL DEFAULT '[]',
  version int NOT NULL DEFAULT 1,
  created_by uuid REFERENCES users(id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX evaluations_project_idx ON evaluations (project_id);

CREATE TABLE meetings (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  seq bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
  owner_org_id uuid NOT NULL REFERENCES organisations(id),
  visibility text NOT NULL DEFAULT 'network' CHECK (visibility IN ('public', 'network', 'owner')),
  project_id uuid REFERENCES projects(id) ON DELETE SET NULL,
  document_id uuid REFERENCES documents(id) ON DELETE SET NULL,
  title text NOT NULL,
  held_on date,
  place text,
  summary text,
  countries char(2)[] NOT NULL DEFAULT '{}',
  regions text[] NOT NULL DEFAULT '{}',
  themes text[] NOT NULL DEFAULT '{}',
  -- [{org_id, role}] participating organisations; people are not registry users, so they stay here.
  organisations jsonb NOT NULL DEFAULT '[]',
  people jsonb NOT NULL DEFAULT '[]',
  figures jsonb NOT NULL DEFAULT '[]',
  projects_mentioned jsonb NOT NULL DEFAULT '[]',
  instruments_mentioned text[] NOT NULL DEFAULT '{}',
  version int NOT NULL DEFAULT 1,
  created_by uuid REFERENCES users(id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX meetings_project_idx ON meetings (project_id);
CREATE INDEX meetings_countries_idx ON meetings USING gin (countries);
CREATE INDEX meetings_themes_idx ON meetings USING gin (themes);

CREATE TABLE recommendations (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  seq bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
  owner_org_id uuid NOT NULL REFERENCES organisations(id),
  visibility text NOT NULL DEFAULT 'network' CHECK (visibility IN ('public', 'network', 'owner')),
  project_id uuid REFERENCES projects(id) ON DELETE CASCADE,
  source_type text NOT NULL DEFAULT 'other' CHECK (source_type IN ('review', 'evaluation', 'meeting', 'other')),
  source_id uuid,
  number int,
  text text NOT NULL CHECK (length(trim(text)) > 0),
  category text,
  addressee text,
  country char(2) REFERENCES countries(code),
  management_response text CHECK (management_response IN ('accepted', 'partially_accepted', 'rejected')),
  response_text text,
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'in_progress', 'closed')),
  -- [{text, owner, due_on, status, completed_on}]; overdue is derived from due_on and status.
  key_actions jsonb NOT NULL DEFAULT '[]',
  version int NOT NULL DEFAULT 1,
  created_by uuid REFERENCES users(id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX recommendations_project_idx ON recommendations (project_id);
CREATE INDEX recommendations_source_idx ON recommendations (source_type, source_id);

CREATE TABLE recommendation_status_history (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  recommendation_id uuid NOT NULL REFERENCES recommendations(id) ON DELETE CASCADE,
  status text NOT NULL,
  management_response text,
  note text,
  changed_by uuid REFERENCES users(id) ON DELETE SET NULL,
  changed_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX recommendation_status_history_rec_idx ON recommendation_status_history (recommendation_id);

CREATE TABLE lessons (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  seq bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
  owner_org_id uuid NOT NULL REFERENCES organisations(id),
  visibility text NOT NULL DEFAULT 'network' CHECK (visibility IN ('public', 'network', 'owner')),
  project_id uuid REFERENCES projects(id) ON DELETE CASCADE,
  source_type text NOT NULL DEFAULT 'other' CHECK (source_type IN ('review', 'evaluation', 'meeting', 'other')),
  source_id uuid,
  type text NOT NULL DEFAULT 'lesson' CHECK (type IN ('lesson', 'good_practice')),
  text text NOT NULL CHECK (length(trim(text)) > 0),
  themes text[] NOT NULL DEFAULT '{}',
  countries char(2)[] NOT NULL DEFAULT '{}',
  version int NOT NULL DEFAULT 1,
  created_by uuid REFERENCES users(id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX lessons_project_idx ON lessons (project_id);
CREATE INDEX lessons_themes_idx ON lessons USING gin (themes);
CREATE INDEX lessons_countries_idx ON lessons USING gin (countries);

-- Who changed what, and when. Reads are added to it by the sharing work.
CREATE TABLE audit_log (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  at timestamptz NOT NULL DEFAULT now(),
  user_id uuid REFERENCES users(id) ON DELETE SET NULL,
  org_id uuid REFERENCES organisations(id) ON DELETE SET NULL,
  action text NOT NULL,
  entity_type text NOT NULL,
  entity_id uuid,
  details jsonb NOT NULL DEFAULT '{}'
);
CREATE INDEX audit_log_entity_idx ON audit_log (entity_type, entity_id);
CREATE INDEX audit_log_org_idx ON audit_log (org_id, at);
