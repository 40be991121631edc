-- The organisations a word is the acronym or an alias of (migration 032), found without running a
-- sub-query over every organisation's aliases: each new word of a query asks, and on the embedded
-- engine that scan of a few hundred organisations cost 2-6 ms, more than the rest of compiling the
-- word. The acronym is looked up through its index; only organisations that have aliases are
-- searched for one. Same answers as before.
CREATE OR REPLACE FUNCTION search_acronym_query(word text) RETURNS tsquery LANGUAGE plpgsql STABLE AS $$
DECLARE
  q tsquery := '';
  n text;
BEGIN
  FOR n IN
    SELECT DISTINCT x.name FROM (
      SELECT o.name, o.aliases FROM organisations o WHERE lower(o.acronym) = lower(word)
      UNION ALL
      SELECT o.name, o.aliases FROM organisations o
      WHERE cardinality(o.aliases) > 0 AND lower(word) = ANY(SELECT lower(a) FROM unnest(o.aliases) a)
    ) o CROSS JOIN LATERAL unnest(ARRAY[o.name] || o.aliases) x(name)
    WHERE lower(x.name) <> lower(word) AND x.name ~ '\s'
  LOOP
    q := q || search_phrase_query(n);
  END LOOP;
  RETURN q;
END $$;
