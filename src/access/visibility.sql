-- Visibility inheritance in SQL: the search index and the matrix ask it of every record.
-- Applied at every start-up whose checksum of this file differs from the last one applied
-- (src/db/routines.ts): each definition replaces the one in place, so this file is what runs.

-- Who besides everyone (public) or every signed-in member (network) may see a record: its owner,
-- and for 'shared' the organisations it names.
CREATE OR REPLACE FUNCTION visibility_orgs(vis text, owner uuid, shared uuid[]) RETURNS uuid[]
LANGUAGE sql IMMUTABLE AS $$
  SELECT ARRAY[owner] || CASE WHEN vis = 'shared' THEN shared ELSE '{}' END
$$;

-- May everyone who sees a record with (rec_vis, rec_owner, rec_shared) also see the project
-- (p_vis, p_owner, p_shared)? The record's viewers must be among the project's.
CREATE OR REPLACE FUNCTION search_inherits(p_vis text, p_owner uuid, p_shared uuid[],
  rec_vis text, rec_owner uuid, rec_shared uuid[]) RETURNS boolean
LANGUAGE sql IMMUTABLE AS $$
  SELECT p_vis = 'public' OR (p_vis = 'network' AND rec_vis <> 'public')
    OR (p_vis IN ('shared', 'owner') AND rec_vis IN ('shared', 'owner')
      AND visibility_orgs(rec_vis, rec_owner, rec_shared) <@ visibility_orgs(p_vis, p_owner, p_shared))
$$;
