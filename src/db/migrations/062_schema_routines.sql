-- SQL functions, triggers and views live in their capabilities' .sql files (src/db/routines.ts),
-- applied after the numbered migrations whenever a file's checksum differs from the one recorded here.
CREATE TABLE schema_routines (
  name text PRIMARY KEY,
  checksum text NOT NULL,
  applied_at timestamptz NOT NULL DEFAULT now()
);
