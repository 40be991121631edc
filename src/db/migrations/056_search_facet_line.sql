-- Each search entry carries its facet values as one line of text, written when the entry is.
--
-- A search hands every facet's values over its matches to Node, which counts them (search.repository.ts).
-- Joining each match's arrays into text as the search ran (array_to_string of its countries,
-- themes, codes and organisation ids, ten aggregates) cost the embedded engine 4.4 ms for 1,500
-- matches; one aggregate of a line kept with the entry costs 1.2 ms.
--
-- The line holds, in this order, separated by U+001F: kind, countries, regions, themes, DAC purpose
-- codes (the 5-digit ones only: the 3-digit categories are kept in dac_codes to filter by, and are
-- not facet values), organisation ids, status, start year, score, language. A list's items are
-- separated by U+001D; an absent value is an empty field. The separators are taken out of the one
-- free text (region names), so a line always splits the same way.
CREATE FUNCTION search_facet_line(kind text, countries text[], regions text[], themes text[],
  dac_codes text[], org_ids uuid[], status text, year_start int, score text, language char(2))
RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT concat_ws(E'\x1f', kind, array_to_string(countries, E'\x1d'),
    array_to_string(ARRAY(SELECT translate(r, E'\x1d\x1e\x1f', '') FROM unnest(regions) r), E'\x1d'),
    array_to_string(themes, E'\x1d'),
    array_to_string(ARRAY(SELECT c FROM unnest(dac_codes) c WHERE length(c) = 5), E'\x1d'),
    array_to_string(org_ids, E'\x1d'), coalesce(status, ''), coalesce(year_start::text, ''),
    coalesce(score, ''), coalesce(trim(language), ''))
$$;

ALTER TABLE search_entries ADD COLUMN facet_line text GENERATED ALWAYS AS (search_facet_line(kind, countries,
  regions, themes, dac_codes, org_ids, status, year_start, score, language)) STORED;
