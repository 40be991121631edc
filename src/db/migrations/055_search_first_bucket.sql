-- The first bucket has GIN indexes of its own, for the probe that decides how much of the index a
-- search reads (it counts the matches in bucket 0; migration 031).
--
-- Through the first 16 buckets' indexes (migration 034) the probe of a common word still read the
-- row pointers of 16 buckets' matches, so the embedded engine's planner often preferred to read all
-- of bucket 0 (some 2,000 entries on the 500,000-entry bench registry) and test each entry's text
-- vector, detoasting them: 2-5 ms of a 20 ms search. These indexes hold a 256th of the entries,
-- so the probe reads its matches only. Over the bench's one-word searches on the embedded engine,
-- the search statement went from 12.8 to 11.5 ms (p50, alternated rounds).
CREATE INDEX search_first_tsv_idx ON search_entries USING gin (tsv) WITH (gin_pending_list_limit = 64)
  WHERE bucket = 0;
CREATE INDEX search_first_countries_idx ON search_entries USING gin (countries) WITH (gin_pending_list_limit = 64)
  WHERE bucket = 0;
CREATE INDEX search_first_themes_idx ON search_entries USING gin (themes) WITH (gin_pending_list_limit = 64)
  WHERE bucket = 0;
CREATE INDEX search_first_orgs_idx ON search_entries USING gin (org_ids) WITH (gin_pending_list_limit = 64)
  WHERE bucket = 0;
