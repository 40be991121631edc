-- Shared by the commit-time upkeep of search (search/index.sql) and of the 3W matrix
-- (coordination/matrix.sql).
-- Applied at every start-up whose checksum of this file differs from the last one applied
-- (src/db/routines.ts): each definition replaces the one in place, so this file is what runs.

-- The commit-time upkeep of search and of the 3W matrix is queued
-- once per transaction instead of once per noted row.
--
-- Their flushes are deferred constraint triggers, which PostgreSQL can only fire per row: an IATI
-- batch of 500 activities noted some 550 search rows and 500 matrix rows, so each commit called
-- the two flushes about a thousand times, all but the first finding nothing to do. Over the USAID
-- import that was 23,500 calls; the search flush alone spent 0.6 s of PGlite's time in them
-- (pg_stat_user_functions), besides the cost of queueing and firing each event.
--
-- A trigger's WHEN condition is evaluated as the row is inserted, and a row that fails it queues
-- no event: upkeep_flush_due lets through the first row since the last flush of the transaction.
-- The flag is a transaction-local setting, so a rolled-back savepoint takes back the flag with
-- the rows and events it covered.
CREATE OR REPLACE FUNCTION upkeep_flush_due(flag text) RETURNS boolean LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting(flag, true) = 'queued' THEN
    RETURN false;
  END IF;
  PERFORM set_config(flag, 'queued', true);
  RETURN true;
END $$;
