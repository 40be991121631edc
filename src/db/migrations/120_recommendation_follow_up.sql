-- Recommendations followed to closure: the date a recommendation was made (key actions cannot
-- fall due before it; the implementation rate counts recommendations by its year), dated progress
-- updates on each key action with their evidence, and the two ratings of how far a
-- recommendation is implemented (the responsible organisation's own, and the owner's validation),
-- each kept as a history so a rating is never overwritten out of sight.
ALTER TABLE recommendations ADD COLUMN issued_on date;

CREATE TABLE key_action_progress (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  recommendation_id uuid NOT NULL REFERENCES recommendations(id) ON DELETE CASCADE,
  action_index int NOT NULL CHECK (action_index >= 0),
  reported_on date NOT NULL,
  from_status text NOT NULL,
  status text NOT NULL CHECK (status IN ('in_progress', 'completed', 'no_longer_applicable')),
  comment text NOT NULL,
  evidence_url text,
  evidence_document_id uuid REFERENCES documents(id) ON DELETE SET NULL,
  org_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
  user_id uuid REFERENCES users(id) ON DELETE SET NULL,
  via text NOT NULL DEFAULT 'api' CHECK (via IN ('api', 'signed_link')),
  recorded_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX key_action_progress_rec_idx ON key_action_progress (recommendation_id, id);

CREATE TABLE recommendation_ratings (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  recommendation_id uuid NOT NULL REFERENCES recommendations(id) ON DELETE CASCADE,
  kind text NOT NULL CHECK (kind IN ('self', 'validation')),
  rating text NOT NULL CHECK (rating IN ('complete', 'high', 'substantial', 'moderate', 'negligible', 'not_rated')),
  comment text,
  org_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
  user_id uuid REFERENCES users(id) ON DELETE SET NULL,
  rated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX recommendation_ratings_rec_idx ON recommendation_ratings (recommendation_id, kind, id);
