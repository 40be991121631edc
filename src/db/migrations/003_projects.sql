-- Projects and programmes with everything the brief lists. Lists that are filtered on (countries,
-- themes, sectors, participants) are rows, so filters and analytics use indexes and foreign keys.
CREATE TABLE projects (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  seq bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
  owner_org_id uuid NOT NULL REFERENCES organisations(id),
  visibility text NOT NULL DEFAULT 'network' CHECK (visibility IN ('public', 'network', 'owner')),
  code text,
  iati_identifier text,
  title text NOT NULL CHECK (length(trim(title)) > 0),
  description text,
  status text NOT NULL DEFAULT 'active' CHECK (status IN (
    'pipeline', 'active', 'finalisation', 'closed', 'cancelled', 'suspended')),
  -- Dates are as precise as the source: a month-precise start is stored as its first day,
  -- a month-precise end as its last day, and the precision kept to print it back.
  start_date date,
  start_precision text CHECK (start_precision IN ('year', 'month', 'day')),
  end_date date,
  end_precision text CHECK (end_precision IN ('year', 'month', 'day')),
  ongoing boolean NOT NULL DEFAULT false,
  outcome_statement text,
  outcome_score text,
  language char(2),
  -- Source fields that have no column yet (e.g. from an IATI activity) are kept, not dropped.
  extra jsonb NOT NULL DEFAULT '{}',
  version int NOT NULL DEFAULT 1,
  created_by uuid REFERENCES users(id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (end_date IS NULL OR start_date IS NULL OR end_date >= start_date)
);
CREATE UNIQUE INDEX projects_iati_identifier_key ON projects (iati_identifier) WHERE iati_identifier IS NOT NULL;
CREATE UNIQUE INDEX projects_owner_code_key ON projects (owner_org_id, lower(code)) WHERE code IS NOT NULL;
CREATE INDEX projects_owner_idx ON projects (owner_org_id);
CREATE INDEX projects_status_idx ON projects (status);
CREATE INDEX projects_dates_idx ON projects (start_date, end_date);

CREATE TABLE project_countries (
  project_id uuid NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
  country char(2) NOT NULL REFERENCES countries(code),
  share numeric CHECK (share > 0 AND share <= 100),
  PRIMARY KEY (project_id, country)
);
CREATE INDEX project_countries_country_idx ON project_countries (country);

CREATE TABLE project_regions (
  project_id uuid NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
  name text NOT NULL,
  code text,
  share numeric CHECK (share > 0 AND share <= 100),
  PRIMARY KEY (project_id, name)
);

CREATE TABLE project_themes (
  project_id uuid NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
  theme text NOT NULL REFERENCES themes(slug),
  PRIMARY KEY (project_id, theme)
);
CREATE INDEX project_themes_theme_idx ON project_themes (theme);

CREATE TABLE project_sectors (
  project_id uuid NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
  code text NOT NULL REFERENCES dac_codes(code),
  share numeric CHECK (share > 0 AND share <= 100),
  PRIMARY KEY (project_id, code)
);
CREATE INDEX project_sectors_code_idx ON project_sectors (code);

CREATE TABLE project_participants (
  project_id uuid NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
  org_id uuid NOT NULL REFERENCES organisations(id),
  role text NOT NULL CHECK (role IN (
    'funder', 'lead', 'implementer', 'partner', 'beneficiary', 'evaluator', 'accountable', 'extending',
    'counterpart', 'other')),
  PRIMARY KEY (project_id, org_id, role)
);
CREATE INDEX project_participants_org_idx ON project_participants (org_id);

CREATE TABLE budget_lines (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  project_id uuid NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
  position int NOT NULL,
  amount numeric NOT NULL CHECK (amount >= 0),
  currency char(3) NOT NULL REFERENCES currencies(code),
  category text CHECK (category IN ('ODA', 'non-ODA')),
  period_start date,
  period_end date,
  value_date date,
  label text
);
CREATE INDEX budget_lines_project_idx ON budget_lines (project_id);

CREATE TABLE outputs (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  project_id uuid NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
  position int NOT NULL,
  number int,
  title text NOT NULL,
  description text,
  score text
);
CREATE INDEX outputs_project_idx ON outputs (project_id);

CREATE TABLE indicators (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  project_id uuid NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
  position int NOT NULL,
  output_number int,
  title text NOT NULL,
  unit text,
  baseline_value numeric,
  baseline_date date,
  target_value numeric,
  target_date date,
  actual_value numeric,
  actual_date date
);
CREATE INDEX indicators_project_idx ON indicators (project_id);
