-- IATI publisher refs (reporting-org @ref) verified for an organisation by a network
-- administrator: an IATI upload may create or update activities only under a ref verified for
-- the uploading organisation (or projects that organisation already owns). A ref belongs to one
-- organisation at most. Network administrators look after the shared directory: a flag on the
-- user, set with `tacit user network-admin`.
ALTER TABLE users ADD COLUMN network_admin boolean NOT NULL DEFAULT false;

CREATE TABLE organisation_publisher_refs (
  ref text PRIMARY KEY CHECK (length(trim(ref)) > 0),
  org_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
  verified_by uuid REFERENCES users(id) ON DELETE SET NULL,
  verified_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX organisation_publisher_refs_org_idx ON organisation_publisher_refs (org_id);
