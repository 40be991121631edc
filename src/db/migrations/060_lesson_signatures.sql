-- Recurring lessons counted from their distinct signatures (migration 051).
--
-- A country brief counts, for each lesson of the country, the projects with a similar lesson:
-- those sharing a band of its signature, with the very same signature or a similar text. Read
-- lesson by lesson, a lesson recorded by 340 projects had all 340 read from the heap for each
-- signature of the country: the Mexico brief of the 100,000-project bench registry read 127,000
-- lessons (1.8 s on the embedded engine). Signatures that say the same thing are few, so:
--
-- 1. Each distinct signature is kept once, with the text of the first lesson that had it; the
--    similar ones are found among these (through their own GIN index).
-- 2. The projects of the lessons with those signatures are counted from an index that holds what
--    the count and the access filter read, so the table's rows are not visited.
CREATE TABLE lesson_signatures (
  signature int[] PRIMARY KEY,
  text text NOT NULL
);
INSERT INTO lesson_signatures
  SELECT DISTINCT ON (signature) signature, text FROM lessons WHERE signature IS NOT NULL ORDER BY signature, seq;
CREATE INDEX lesson_signatures_bands_idx ON lesson_signatures USING gin (signature);

CREATE FUNCTION lesson_keep_signature() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.signature IS NOT NULL THEN
    INSERT INTO lesson_signatures VALUES (NEW.signature, NEW.text) ON CONFLICT DO NOTHING;
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER lessons_keep_signature AFTER INSERT OR UPDATE OF text, signature ON lessons
  FOR EACH ROW EXECUTE FUNCTION lesson_keep_signature();

CREATE INDEX lessons_signature_projects_idx ON lessons (signature)
  INCLUDE (project_id, visibility, owner_org_id) WHERE project_id IS NOT NULL;
