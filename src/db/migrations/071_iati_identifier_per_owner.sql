-- An IATI identifier is unique per owner organisation, not across the registry: an organisation
-- may record its own project under an identifier another organisation holds in a project it
-- cannot see, and is answered exactly as if that project did not exist (a registry-wide unique
-- index made the 409 an oracle for hidden projects). Imported activities stay unique by their
-- import key (iati_activities.import_key); the duplicates finder still pairs projects sharing one.
DROP INDEX projects_iati_identifier_key;
CREATE UNIQUE INDEX projects_owner_iati_identifier_key ON projects (owner_org_id, iati_identifier)
  WHERE iati_identifier IS NOT NULL;
CREATE INDEX projects_iati_identifier_idx ON projects (iati_identifier) WHERE iati_identifier IS NOT NULL;
