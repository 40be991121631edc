-- A word that is an organisation's acronym or alias also finds the full name written out in a
-- text ("NCA" finds "National Crime Agency"). Worked out when the query is compiled, in the same
-- statement, instead of one more round trip over every organisation.
CREATE INDEX organisations_acronym_lower_idx ON organisations (lower(acronym));

CREATE FUNCTION search_acronym_query(word text) RETURNS tsquery LANGUAGE plpgsql STABLE AS $$
DECLARE
  q tsquery := '';
  n text;
BEGIN
  FOR n IN
    SELECT DISTINCT x.name FROM organisations o CROSS JOIN LATERAL unnest(ARRAY[o.name] || o.aliases) x(name)
    WHERE (lower(o.acronym) = lower(word) OR lower(word) = ANY(SELECT lower(a) FROM unnest(o.aliases) a))
      AND lower(x.name) <> lower(word) AND x.name ~ '\s'
  LOOP
    q := q || search_phrase_query(n);
  END LOOP;
  RETURN q;
END $$;
