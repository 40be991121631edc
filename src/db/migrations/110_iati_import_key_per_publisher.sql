-- An import key is unique per publisher, not across the registry. An upload under a verified ref
-- whose identifier a project the uploader cannot see holds under another publisher is written as
-- the uploader's own activity, exactly as if nobody held the identifier: a registry-wide unique key
-- made the importer refuse it, and the refusal told the uploader that a hidden project existed.
ALTER TABLE iati_activities DROP CONSTRAINT iati_activities_import_key_key;
CREATE UNIQUE INDEX iati_activities_key_publisher_key ON iati_activities (import_key, coalesce(reporting_org_ref, ''));
