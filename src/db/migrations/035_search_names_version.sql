-- What a query word names (countries, themes, organisations by name, acronym or alias) depends on
-- these tables only; the server keeps compiled words and checks this version before trusting them.
-- Each statement that changes a name adds a row, so the version (the sum of the weights) read in a
-- snapshot grows with every committed change and equal versions mean no change in between. Rows
-- are only inserted, and compacted with SKIP LOCKED, so two writers never wait for each other here.
CREATE TABLE search_names_changes (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  weight bigint NOT NULL DEFAULT 1
);
INSERT INTO search_names_changes DEFAULT VALUES;

CREATE FUNCTION search_names_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO search_names_changes DEFAULT VALUES;
  -- Keep the table small: fold the oldest rows this transaction can take into one.
  IF (SELECT count(*) FROM search_names_changes) > 64 THEN
    WITH gone AS (
      DELETE FROM search_names_changes WHERE id IN (
        SELECT id FROM search_names_changes ORDER BY id LIMIT 48 FOR UPDATE SKIP LOCKED)
      RETURNING weight)
    INSERT INTO search_names_changes (weight) SELECT sum(weight) FROM gone HAVING count(*) > 0;
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER organisations_search_names AFTER INSERT OR UPDATE OR DELETE ON organisations
  FOR EACH STATEMENT EXECUTE FUNCTION search_names_changed();
CREATE TRIGGER search_concept_stems_names AFTER INSERT OR UPDATE OR DELETE ON search_concept_stems
  FOR EACH STATEMENT EXECUTE FUNCTION search_names_changed();

CREATE FUNCTION search_names_version() RETURNS bigint LANGUAGE sql STABLE AS $$
  SELECT coalesce(sum(weight), 0)::bigint FROM search_names_changes
$$;
