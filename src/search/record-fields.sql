-- What a search entry shows of a record besides its text: a title cut at a sentence or word, and
-- a document's own date. Read by search_record_source (search/index.sql).
-- Applied at every start-up whose checksum of this file differs from the last one applied
-- (src/db/routines.ts): each definition replaces the one in place, so this file is what runs.

-- A title made from a text (recommendations and lessons have none): the text itself up to 160
-- characters, else its first sentences when they end past 60 characters, else its words up to the
-- limit and an ellipsis, never part of a word.
CREATE OR REPLACE FUNCTION search_short_title(body text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE WHEN length(t) <= 160 THEN t
    ELSE coalesce(substring(left(t, 161) FROM '^(.{60,}[.!?])\s'),
      regexp_replace(regexp_replace(left(t, 161), '\s\S*$', ''), '[\s,;:(–-]+$', '') || '…')
  END
  FROM (SELECT btrim(regexp_replace(coalesce(body, ''), '\s+', ' ', 'g')) AS t) x
$$;

-- A date as precise as a text gives it ("2015", "2015-04", "2015-04-01") as its first day; null
-- when it is not a date.
CREATE OR REPLACE FUNCTION search_partial_date(value text) RETURNS date LANGUAGE plpgsql IMMUTABLE AS $$
BEGIN
  IF value ~ '^\d{4}$' THEN RETURN make_date(value::int, 1, 1); END IF;
  IF value ~ '^\d{4}-\d{2}$' THEN RETURN make_date(left(value, 4)::int, right(value, 2)::int, 1); END IF;
  IF value ~ '^\d{4}-\d{2}-\d{2}' THEN RETURN left(value, 10)::date; END IF;
  RETURN NULL;
EXCEPTION WHEN others THEN
  RETURN NULL;
END $$;

-- A document's own date, from the record drawn from it (as confirmed, else as extracted): the date
-- of a note or meeting, else the end of the period it reports on, else that period's start.
CREATE OR REPLACE FUNCTION search_document_date(extraction jsonb) RETURNS date LANGUAGE sql IMMUTABLE AS $$
  SELECT search_partial_date(coalesce(r ->> 'date', r -> 'period' ->> 'end', r -> 'period' ->> 'start'))
  FROM (SELECT coalesce(extraction -> 'confirmed_record', extraction -> 'draft' -> 'record') AS r) x
$$;
