-- The commit-time upkeep of search (migration 030) and of the 3W matrix (migration 050) is queued
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
CREATE FUNCTION upkeep_flush_due(flag text) RETURNS boolean LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting(flag, true) = 'queued' THEN
    RETURN false;
  END IF;
  PERFORM set_config(flag, 'queued', true);
  RETURN true;
END $$;

-- What search_flush did (migration 030), as a function of its own: indexes everything pending.
CREATE FUNCTION search_index_pending() RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  ids uuid[];
  k text;
BEGIN
  IF NOT EXISTS (SELECT 1 FROM search_pending) THEN
    RETURN;
  END IF;
  SELECT array_agg(id) INTO ids FROM search_pending WHERE kind = 'project';
  IF ids IS NOT NULL THEN
    PERFORM search_refresh_project_tree(ids);
  END IF;
  SELECT array_agg(id) INTO ids FROM search_pending WHERE kind = 'organisation';
  IF ids IS NOT NULL THEN
    PERFORM search_refresh_organisations(ids);
  END IF;
  SELECT array_agg(id) INTO ids FROM search_pending WHERE kind = 'document';
  IF ids IS NOT NULL THEN
    PERFORM search_refresh_records('document', ids);
    -- Reviews, evaluations and meetings are found by the words of their source document too.
    INSERT INTO search_pending (kind, id)
      SELECT 'review', id FROM reviews WHERE document_id = ANY(ids)
      UNION SELECT 'evaluation', id FROM evaluations WHERE document_id = ANY(ids)
      UNION SELECT 'meeting', id FROM meetings WHERE document_id = ANY(ids)
    ON CONFLICT DO NOTHING;
  END IF;
  FOREACH k IN ARRAY ARRAY['review', 'evaluation', 'recommendation', 'lesson', 'meeting'] LOOP
    SELECT array_agg(id) INTO ids FROM search_pending WHERE kind = k;
    IF ids IS NOT NULL THEN
      PERFORM search_refresh_records(k, ids);
    END IF;
  END LOOP;
  DELETE FROM search_pending;
END $$;

-- Clears the flag first: rows noted from now on queue the next flush.
CREATE OR REPLACE FUNCTION search_flush() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM set_config('tacit.search_flush', '', true);
  PERFORM search_index_pending();
  RETURN NULL;
END $$;

DROP TRIGGER search_pending_flush ON search_pending;
CREATE CONSTRAINT TRIGGER search_pending_flush AFTER INSERT ON search_pending
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW WHEN (upkeep_flush_due('tacit.search_flush'))
  EXECUTE FUNCTION search_flush();

-- As in migration 050, but first clears the flag.
CREATE OR REPLACE FUNCTION matrix_flush() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  ids uuid[];
BEGIN
  PERFORM set_config('tacit.matrix_flush', '', true);
  IF current_setting('tacit.matrix_pending', true) IS DISTINCT FROM 'yes' THEN
    RETURN NULL;
  END IF;
  PERFORM set_config('tacit.matrix_pending', 'no', true);
  SELECT array_agg(project_id) INTO ids FROM matrix_pending;
  IF ids IS NULL THEN
    RETURN NULL;
  END IF;
  DELETE FROM matrix_pending;
  PERFORM matrix_refresh(ids);
  RETURN NULL;
END $$;

DROP TRIGGER matrix_pending_flush ON matrix_pending;
CREATE CONSTRAINT TRIGGER matrix_pending_flush AFTER INSERT ON matrix_pending
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW WHEN (upkeep_flush_due('tacit.matrix_flush'))
  EXECUTE FUNCTION matrix_flush();
