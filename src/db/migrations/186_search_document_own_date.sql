-- Documents indexed before migration 165 show their own date (the record drawn from them, as
-- confirmed, else as extracted: a note's or meeting's date, else the end of the period reported
-- on, else its start), not the day they were imported. Migration 165 dated the other kinds from
-- their columns; a document's date is in its extraction, read here as search_document_date
-- (search/record-fields.sql) reads it, since that function is defined only after the migrations.
-- A text that is not a date leaves the document undated. sort_date is left as it was: it only
-- orders, and changes when the document is next indexed.
DO $$
DECLARE
  r record;
  d date;
BEGIN
  FOR r IN SELECT doc.id, coalesce(x ->> 'date', x -> 'period' ->> 'end', x -> 'period' ->> 'start') AS v
    FROM documents doc
    CROSS JOIN LATERAL (SELECT coalesce(doc.extraction -> 'confirmed_record', doc.extraction -> 'draft' -> 'record') AS x) s
  LOOP
    CONTINUE WHEN r.v IS NULL;
    BEGIN
      d := CASE WHEN r.v ~ '^\d{4}$' THEN make_date(r.v::int, 1, 1)
        WHEN r.v ~ '^\d{4}-\d{2}$' THEN make_date(left(r.v, 4)::int, right(r.v, 2)::int, 1)
        WHEN r.v ~ '^\d{4}-\d{2}-\d{2}' THEN left(r.v, 10)::date END;
    EXCEPTION WHEN others THEN
      d := NULL;
    END;
    UPDATE search_entries SET own_date = d WHERE kind = 'document' AND record_id = r.id;
  END LOOP;
END $$;
