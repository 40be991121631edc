-- Index for search once per transaction, at commit, instead of after every statement.
-- Writing one project touches up to a dozen tables (the project, its countries, themes, sectors,
-- participants, budget, outputs…), and each statement re-indexed the whole project tree with its
-- documents' text: 40–60 ms a statement on the embedded engine. Now the statement triggers only
-- note what changed, and a deferred trigger indexes everything noted when the transaction commits.
CREATE TABLE search_pending (
  kind text NOT NULL,
  id uuid NOT NULL,
  PRIMARY KEY (kind, id)
);

CREATE OR REPLACE FUNCTION search_sync() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_TABLE_NAME IN ('project_countries', 'project_regions', 'project_themes', 'project_sectors', 'project_participants') THEN
    INSERT INTO search_pending (kind, id) SELECT DISTINCT 'project', project_id FROM changed ON CONFLICT DO NOTHING;
  ELSE
    INSERT INTO search_pending (kind, id)
    SELECT DISTINCT CASE TG_TABLE_NAME
        WHEN 'projects' THEN 'project'
        WHEN 'organisations' THEN 'organisation'
        WHEN 'documents' THEN 'document'
        WHEN 'reviews' THEN 'review'
        WHEN 'evaluations' THEN 'evaluation'
        WHEN 'recommendations' THEN 'recommendation'
        WHEN 'lessons' THEN 'lesson'
        WHEN 'meetings' THEN 'meeting'
      END, id
    FROM changed
    ON CONFLICT DO NOTHING;
  END IF;
  RETURN NULL;
END $$;

-- Runs at commit, once per row noted; the first call indexes all that is pending and empties the
-- list, so the others return at once.
CREATE FUNCTION search_flush() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  ids uuid[];
  k text;
BEGIN
  IF NOT EXISTS (SELECT 1 FROM search_pending) THEN
    RETURN NULL;
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
  RETURN NULL;
END $$;

CREATE CONSTRAINT TRIGGER search_pending_flush AFTER INSERT ON search_pending
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION search_flush();

-- Refreshing a kind with no rows still costs a planned INSERT … SELECT (about 15 ms on the
-- embedded engine), so a project tree only refreshes the kinds it has.
CREATE OR REPLACE FUNCTION search_refresh_project_tree(ids uuid[]) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  part uuid[];
BEGIN
  PERFORM search_refresh_projects(ids);
  part := ARRAY(SELECT id FROM documents WHERE project_id = ANY(ids));
  IF cardinality(part) > 0 THEN PERFORM search_refresh_records('document', part); END IF;
  part := ARRAY(SELECT id FROM reviews WHERE project_id = ANY(ids));
  IF cardinality(part) > 0 THEN PERFORM search_refresh_records('review', part); END IF;
  part := ARRAY(SELECT id FROM evaluations WHERE project_id = ANY(ids));
  IF cardinality(part) > 0 THEN PERFORM search_refresh_records('evaluation', part); END IF;
  part := ARRAY(SELECT id FROM recommendations WHERE project_id = ANY(ids));
  IF cardinality(part) > 0 THEN PERFORM search_refresh_records('recommendation', part); END IF;
  part := ARRAY(SELECT id FROM lessons WHERE project_id = ANY(ids));
  IF cardinality(part) > 0 THEN PERFORM search_refresh_records('lesson', part); END IF;
  part := ARRAY(SELECT id FROM meetings WHERE project_id = ANY(ids));
  IF cardinality(part) > 0 THEN PERFORM search_refresh_records('meeting', part); END IF;
END $$;
