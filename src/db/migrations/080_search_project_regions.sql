-- "Who else works here" finds regional projects for a country: those whose regions hold it
-- ("Latin America" for Peru). Their search entries are found by region name through this index,
-- as they are by country, theme and organisation (migration 033).
CREATE INDEX search_projects_regions_idx ON search_entries USING gin (regions) WHERE kind = 'project';
