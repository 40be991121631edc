-- Bulk IATI import. The search index (migration 020) is refreshed by statement-level triggers on
-- projects and on its five faceted child tables, and each refresh recomputes the whole entry of
-- every project in the statement. An import batch writing projects first and then its countries,
-- regions, themes, sectors and participants re-indexed each new project six times. With these
-- foreign keys deferrable, the importer (SET CONSTRAINTS … DEFERRED, in its own transaction only)
-- writes the child rows first, while their projects do not exist yet (their refreshes find
-- nothing to index), then the projects, whose one refresh indexes them with every child in place.
-- The keys are still checked, at commit; outside such a transaction they stay immediate.
ALTER TABLE project_countries ALTER CONSTRAINT project_countries_project_id_fkey DEFERRABLE INITIALLY IMMEDIATE;
ALTER TABLE project_regions ALTER CONSTRAINT project_regions_project_id_fkey DEFERRABLE INITIALLY IMMEDIATE;
ALTER TABLE project_themes ALTER CONSTRAINT project_themes_project_id_fkey DEFERRABLE INITIALLY IMMEDIATE;
ALTER TABLE project_sectors ALTER CONSTRAINT project_sectors_project_id_fkey DEFERRABLE INITIALLY IMMEDIATE;
ALTER TABLE project_participants ALTER CONSTRAINT project_participants_project_id_fkey DEFERRABLE INITIALLY IMMEDIATE;
