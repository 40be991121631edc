-- A snippet is cut from a window of the text around the first place the query's words appear,
-- rather than from the first 20,000 characters.
--
-- ts_headline parses and stems every word it is given, at about 6 MB a second on the embedded
-- engine: for a page of twenty USAID activities (28 KB of descriptions) that was 4.5 ms of a 12 ms
-- search, and for twenty long documents (20,000 characters each) some 60 ms. Finding where the
-- words begin costs a small part of that: the text, lowercased and unaccented as the index sees
-- it, is searched for `starts`, a regular expression of the beginnings of the query's stems that
-- the search service builds (snippetStarts in search.repository.ts). ts_headline then highlights
-- the window exactly as before. The search reaches as far as ts_headline used to read.
--
-- When the words are not found (a record matched through its title or a name it is tagged
-- with), the window is the start of the text, which is what ts_headline showed then too.
CREATE FUNCTION search_snippet_source(body text, title text, starts text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  -- 500 characters from 120 before the first match (or from the start), less the word the window
  -- cuts into: the space put in front makes that rule also drop nothing at the start of the text.
  SELECT CASE WHEN coalesce(body, '') = '' THEN title
    WHEN length(body) <= 500 THEN body
    ELSE regexp_replace(substr(' ' || left(body, 20500),
      greatest(1, regexp_instr(left(body, 20000), starts, 1, 1, 0, 'i') - 119), 500), '^\S*\s+', '')
  END
$$;
