-- Sharing defaults of an organisation: the visibility its new records get when a writer names
-- none, and separately that of its uploaded documents, which carry their full text. The column
-- defaults keep what every organisation had before: records seen by the network, documents by
-- the owner only.
ALTER TABLE organisations
  ADD COLUMN default_visibility text NOT NULL DEFAULT 'network'
    CHECK (default_visibility IN ('public', 'network', 'owner')),
  ADD COLUMN default_document_visibility text NOT NULL DEFAULT 'owner'
    CHECK (default_document_visibility IN ('public', 'network', 'owner'));
