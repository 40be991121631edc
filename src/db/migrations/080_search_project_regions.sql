-- "Who else works here" finds regional projects for a country: those whose regions hold it
-- ("Latin America" for Peru). Their search entries are found by region name through this index,
-- as they are by country, theme and organisation (migration 033), and like theirs its pending list
-- is kept short (gin_pending_list_limit, migration 034) so a search never reads a long one.
CREATE INDEX search_projects_regions_idx ON search_entries USING gin (regions)
  WITH (gin_pending_list_limit = 64) WHERE kind = 'project';
