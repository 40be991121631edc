-- IATI activities: what an imported activity carries beyond the project columns, its stored
-- source (so nothing in the file is lost), and the import jobs that report progress.
CREATE TABLE iati_activities (
  project_id uuid PRIMARY KEY REFERENCES projects(id) ON DELETE CASCADE,
  -- The iati-identifier, or 'sha256:<hash of the source>' when the publisher left it empty.
  import_key text NOT NULL UNIQUE,
  reporting_org_ref text,
  reporting_org_type text,
  reporting_org_names jsonb NOT NULL DEFAULT '{}',
  iati_version text,
  last_updated timestamptz,
  hierarchy int,
  default_currency text,
  lang text,
  humanitarian boolean,
  titles jsonb NOT NULL DEFAULT '{}',
  descriptions jsonb NOT NULL DEFAULT '[]',
  status_code text,
  planned_start date,
  actual_start date,
  planned_end date,
  actual_end date,
  source_xml text NOT NULL,
  source_hash text NOT NULL,
  source_file text,
  import_job_id uuid,
  imported_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX iati_activities_reporting_idx ON iati_activities (reporting_org_ref);

CREATE TABLE iati_transactions (
  project_id uuid NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
  position int NOT NULL,
  ref text,
  type_code text NOT NULL,
  transaction_date date,
  value numeric,
  currency text,
  value_date date,
  descriptions jsonb NOT NULL DEFAULT '{}',
  provider jsonb,
  receiver jsonb,
  humanitarian boolean,
  -- Sectors, recipient countries and regions, and single-code classifications of the transaction.
  details jsonb NOT NULL DEFAULT '{}',
  PRIMARY KEY (project_id, position)
);

CREATE TABLE iati_planned_disbursements (
  project_id uuid NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
  position int NOT NULL,
  type_code text,
  period_start date,
  period_end date,
  value numeric,
  currency text,
  value_date date,
  provider jsonb,
  receiver jsonb,
  PRIMARY KEY (project_id, position)
);

-- Budgets the budget_lines table cannot hold (negative, unknown currency) and the IATI type and
-- status of each budget line, so an export gives back what was imported.
CREATE TABLE iati_budgets (
  project_id uuid NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
  position int NOT NULL,
  type_code text,
  status_code text,
  period_start date,
  period_end date,
  value numeric,
  currency text,
  value_date date,
  PRIMARY KEY (project_id, position)
);

CREATE TABLE iati_results (
  project_id uuid NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
  position int NOT NULL,
  type_code text NOT NULL,
  aggregation_status boolean,
  titles jsonb NOT NULL DEFAULT '{}',
  descriptions jsonb NOT NULL DEFAULT '{}',
  -- Indicators with every period: the indicators table keeps one row per indicator for Tacit's
  -- own pages, with the latest target and actual.
  indicators jsonb NOT NULL DEFAULT '[]',
  PRIMARY KEY (project_id, position)
);

CREATE TABLE iati_document_links (
  project_id uuid NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
  position int NOT NULL,
  url text NOT NULL,
  format text,
  titles jsonb NOT NULL DEFAULT '{}',
  categories text[] NOT NULL DEFAULT '{}',
  languages text[] NOT NULL DEFAULT '{}',
  document_date date,
  PRIMARY KEY (project_id, position)
);

CREATE TABLE iati_policy_markers (
  project_id uuid NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
  position int NOT NULL,
  vocabulary text NOT NULL,
  code text NOT NULL,
  significance text,
  PRIMARY KEY (project_id, position)
);

CREATE TABLE iati_related_activities (
  project_id uuid NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
  position int NOT NULL,
  ref text NOT NULL,
  type_code text NOT NULL,
  PRIMARY KEY (project_id, position)
);
CREATE INDEX iati_related_activities_ref_idx ON iati_related_activities (ref);

CREATE TABLE iati_import_jobs (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  status text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'running', 'done', 'failed')),
  requested_by uuid REFERENCES users(id) ON DELETE SET NULL,
  org_id uuid REFERENCES organisations(id) ON DELETE SET NULL,
  publisher text,
  files text[] NOT NULL DEFAULT '{}',
  files_done int NOT NULL DEFAULT 0,
  bytes_total bigint NOT NULL DEFAULT 0,
  bytes_done bigint NOT NULL DEFAULT 0,
  activities_read int NOT NULL DEFAULT 0,
  created int NOT NULL DEFAULT 0,
  updated int NOT NULL DEFAULT 0,
  unchanged int NOT NULL DEFAULT 0,
  rejected int NOT NULL DEFAULT 0,
  duplicates int NOT NULL DEFAULT 0,
  -- The first issues found (validation messages, duplicate identifiers), capped by the service.
  issues jsonb NOT NULL DEFAULT '[]',
  error text,
  created_at timestamptz NOT NULL DEFAULT now(),
  started_at timestamptz,
  finished_at timestamptz
);
