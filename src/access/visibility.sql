-- Visibility inheritance in SQL: the search index and the matrix ask it of every record.
-- Applied at every start-up whose checksum of this file differs from the last one applied
-- (src/db/routines.ts): each definition replaces the one in place, so this file is what runs.

-- May everyone who sees a record with (rec_vis, rec_owner) also see the project (p_vis, p_owner)?
CREATE OR REPLACE FUNCTION search_inherits(p_vis text, p_owner uuid, rec_vis text, rec_owner uuid) RETURNS boolean
LANGUAGE sql IMMUTABLE AS $$
  SELECT p_vis = 'public' OR (p_vis = 'network' AND rec_vis <> 'public') OR (rec_vis = 'owner' AND p_owner = rec_owner)
$$;
