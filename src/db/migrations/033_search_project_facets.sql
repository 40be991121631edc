-- "Who else works here" and browsing projects read project entries only. Without indexes of
-- their own, each such query also intersected the primary key's 100,000 project entries (about
-- 50 ms on the embedded engine at that scale).
CREATE INDEX search_projects_countries_idx ON search_entries USING gin (countries) WHERE kind = 'project';
CREATE INDEX search_projects_themes_idx ON search_entries USING gin (themes) WHERE kind = 'project';
CREATE INDEX search_projects_dac_idx ON search_entries USING gin (dac_codes) WHERE kind = 'project';
CREATE INDEX search_projects_orgs_idx ON search_entries USING gin (org_ids) WHERE kind = 'project';
CREATE INDEX search_projects_bucket_idx ON search_entries (bucket) WHERE kind = 'project';
