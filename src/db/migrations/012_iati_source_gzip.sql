-- The stored source of an IATI activity, gzipped by the importer: a tenth of the bytes to write
-- and to keep, and no pglz compression of the text inside the database on every import. Rows
-- imported before keep their text in source_xml; readActivitySource() (iati.repository.ts)
-- returns either as text. Already gzipped, the bytes are stored as they come (no second compression).
ALTER TABLE iati_activities ALTER COLUMN source_xml DROP NOT NULL;
ALTER TABLE iati_activities ADD COLUMN source_gz bytea;
ALTER TABLE iati_activities ALTER COLUMN source_gz SET STORAGE EXTERNAL;
ALTER TABLE iati_activities ADD CONSTRAINT iati_activities_source_check
  CHECK (source_xml IS NOT NULL OR source_gz IS NOT NULL);
