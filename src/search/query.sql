-- Turning what a searcher typed into text-search queries, and the passage a snippet is cut from.
-- Applied at every start-up whose checksum of this file differs from the last one applied
-- (src/db/routines.ts): each definition replaces the one in place, so this file is what runs.

-- One word of a query in any of the three languages. A word that is a stop word in any of them
-- ("la", "de") is dropped, because records in that language could never contain it.
CREATE OR REPLACE FUNCTION search_term_query(term text) RETURNS tsquery LANGUAGE sql STABLE AS $$
  SELECT CASE WHEN numnode(e) = 0 OR numnode(s) = 0 OR numnode(f) = 0 THEN ''::tsquery ELSE e || s || f END
  FROM (SELECT plainto_tsquery('tacit_english', term) e, plainto_tsquery('tacit_spanish', term) s,
    plainto_tsquery('tacit_french', term) f) x
$$;

CREATE OR REPLACE FUNCTION search_phrase_query(phrase text) RETURNS tsquery LANGUAGE sql STABLE AS $$
  SELECT phraseto_tsquery('tacit_english', phrase) || phraseto_tsquery('tacit_spanish', phrase)
    || phraseto_tsquery('tacit_french', phrase)
$$;

-- The organisations a word is the acronym or an alias of, found without running a
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

-- A snippet is cut from 500 characters around the first place the query's words appear, rather
-- than from the first 20,000 characters of the text.
--
-- ts_headline parses and stems every word it is given, at about 6 MB a second on the embedded
-- engine: for the twenty best USAID activities for 'justice' (25 KB of descriptions) that was 4.2
-- ms of a 12 ms search, and at that rate twenty long documents (20,000 characters each) take some
-- 60 ms. Finding where the words begin costs a small part of that: the first 20,000 characters,
-- as far as ts_headline used to read, are searched for `starts`, a case-insensitive regular
-- expression of the beginnings of the query's stems, accented letters allowed, that the search
-- service builds (snippetStarts in search.repository.ts). ts_headline then highlights the window
-- as before.
--
-- When the words are not found (a record matched through its title or a name it is tagged
-- with), the window is the start of the text, which is what ts_headline showed then too.
CREATE OR REPLACE FUNCTION search_snippet_source(body text, title text, starts text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  -- 500 characters from 120 before the first match (or from the start), less the words the window
  -- cuts into at either end: the space put in front makes that rule also drop nothing at the start
  -- of the text. Where the window cuts the text, '… ' opens it or ' …' closes it, so the service
  -- can tell a sentence's start or end from a cut (search.service.ts).
  SELECT CASE WHEN coalesce(body, '') = '' THEN title
    WHEN length(body) <= 500 THEN body
    ELSE CASE WHEN x.at > 1 THEN '… ' ELSE '' END
      || regexp_replace(regexp_replace(substr(' ' || left(body, 20500), x.at, 501), '^\S*\s+', ''),
        CASE WHEN x.at + 500 <= length(body) THEN '\s+\S*$' ELSE '$^' END, '')
      || CASE WHEN x.at + 500 <= length(body) THEN ' …' ELSE '' END
  END
  FROM (SELECT greatest(1, regexp_instr(left(body, 20000), starts, 1, 1, 0, 'i') - 119) AS at) x
$$;
