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
