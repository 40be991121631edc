-- Lesson signatures: the words that make two lessons the same lesson, kept on each lesson.
-- Applied at every start-up whose checksum of this file differs from the last one applied
-- (src/db/routines.ts): each definition replaces the one in place, so this file is what runs.

-- Recurring lessons found through an index.
--
-- A country brief counted, for each lesson of the country, the other projects with a similar
-- lesson by comparing it with every lesson in the registry (trigram similarity, which no index
-- serves): at 130,000 lessons the Mexico brief did not come back in ten minutes.
--
-- Now every lesson carries a signature: eight MinHash bands, each of four hashes, over the stems
-- of its words (English stemming, accents ignored, stop words left out). Two lessons share a band
-- with a probability that rises steeply with the share of stems they have in common: about 19 in
-- 20 at 70 %, 2 in 5 at 50 %, 1 in 100,000 at 5 % (1 - (1 - J^4)^8). The GIN index on the
-- bands gives the candidates; a candidate with the very same signature is the same lesson
-- reworded at most slightly, any other is confirmed with the trigram similarity used before.
CREATE OR REPLACE FUNCTION lesson_signature(body text) RETURNS int[] LANGUAGE sql STABLE AS $$
  WITH stem AS (SELECT DISTINCT s FROM unnest(tsvector_to_array(to_tsvector('tacit_english', body))) AS s),
  hash AS (
    SELECT i, min(hashtext(stem.s || '#' || i)) AS m
    FROM stem CROSS JOIN generate_series(0, 31) AS i GROUP BY i),
  band AS (
    SELECT i / 4 AS b, hashtext((i / 4)::text || ':' || string_agg(m::text, ',' ORDER BY i)) AS h
    FROM hash GROUP BY i / 4)
  SELECT array_agg(h ORDER BY b) FROM band
$$;

CREATE OR REPLACE FUNCTION lesson_sign() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.signature := lesson_signature(NEW.text);
  RETURN NEW;
END $$;

CREATE OR REPLACE TRIGGER lessons_signature BEFORE INSERT OR UPDATE OF text ON lessons
  FOR EACH ROW EXECUTE FUNCTION lesson_sign();

CREATE OR REPLACE FUNCTION lesson_keep_signature() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.signature IS NOT NULL THEN
    INSERT INTO lesson_signatures VALUES (NEW.signature, NEW.text) ON CONFLICT DO NOTHING;
  END IF;
  RETURN NULL;
END $$;

CREATE OR REPLACE TRIGGER lessons_keep_signature AFTER INSERT OR UPDATE OF text, signature ON lessons
  FOR EACH ROW EXECUTE FUNCTION lesson_keep_signature();
