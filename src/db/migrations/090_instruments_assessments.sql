-- Assessment instruments as data, and the assessments that apply them. An instrument keeps every
-- version it has had: an assessment names the version it was made with, so editing an
-- instrument never changes a past assessment.
CREATE TABLE instruments (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  key text NOT NULL UNIQUE CHECK (key ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
  built_in boolean NOT NULL DEFAULT false,
  current_version int NOT NULL DEFAULT 1,
  retired_at timestamptz,
  created_by uuid REFERENCES users(id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE instrument_versions (
  instrument_id uuid NOT NULL REFERENCES instruments(id) ON DELETE CASCADE,
  version int NOT NULL CHECK (version > 0),
  definition jsonb NOT NULL,
  created_by uuid REFERENCES users(id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (instrument_id, version)
);

-- An assessment is an owned record: owner-only unless its owner shares it.
CREATE TABLE assessments (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  seq bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
  owner_org_id uuid NOT NULL REFERENCES organisations(id),
  visibility text NOT NULL DEFAULT 'owner' CHECK (visibility IN ('public', 'network', 'owner')),
  instrument_id uuid NOT NULL,
  instrument_version int NOT NULL,
  subject_type text NOT NULL CHECK (subject_type IN ('project', 'organisation', 'country')),
  project_id uuid REFERENCES projects(id) ON DELETE CASCADE,
  organisation_id uuid REFERENCES organisations(id) ON DELETE CASCADE,
  country char(2) REFERENCES countries(code),
  title text,
  version int NOT NULL DEFAULT 1,
  created_by uuid REFERENCES users(id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  FOREIGN KEY (instrument_id, instrument_version) REFERENCES instrument_versions (instrument_id, version),
  CHECK ((subject_type = 'project') = (project_id IS NOT NULL)),
  CHECK ((subject_type = 'organisation') = (organisation_id IS NOT NULL)),
  CHECK ((subject_type = 'country') = (country IS NOT NULL))
);
CREATE INDEX assessments_owner_idx ON assessments (owner_org_id);
CREATE INDEX assessments_instrument_idx ON assessments (instrument_id, instrument_version);
CREATE INDEX assessments_project_idx ON assessments (project_id) WHERE project_id IS NOT NULL;

-- One row per question per sheet: an assessor's own sheet (assessor_id) or the agreed result
-- (agreed, no assessor). A free-text answer is kept in value too.
CREATE TABLE assessment_scores (
  assessment_id uuid NOT NULL REFERENCES assessments(id) ON DELETE CASCADE,
  agreed boolean NOT NULL DEFAULT false,
  assessor_id uuid REFERENCES users(id) ON DELETE CASCADE,
  question_id text NOT NULL,
  value text NOT NULL,
  evidence_text text,
  evidence_links jsonb NOT NULL DEFAULT '[]',
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (agreed = (assessor_id IS NULL))
);
CREATE UNIQUE INDEX assessment_scores_assessor_key ON assessment_scores (assessment_id, assessor_id, question_id)
  WHERE NOT agreed;
CREATE UNIQUE INDEX assessment_scores_agreed_key ON assessment_scores (assessment_id, question_id) WHERE agreed;
