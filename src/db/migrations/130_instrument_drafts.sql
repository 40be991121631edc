-- A draft instrument: one a network administrator created from a checklist a confirmed document
-- lists, to check, translate and publish. Until then only network administrators see it and no
-- assessment uses it. source_document_id says which document it was drafted from.
ALTER TABLE instruments ADD COLUMN draft boolean NOT NULL DEFAULT false;
ALTER TABLE instruments ADD COLUMN source_document_id uuid REFERENCES documents(id) ON DELETE SET NULL;
