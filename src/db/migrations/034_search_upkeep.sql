-- Search at speed on both engines.
--
-- 1. The sample region has indexes of its own. A query matching tens of thousands of entries is
--    counted on the first few buckets (migration 031), but through the whole-index GIN it still
--    read every one of its matches' row pointers (100,000 for a common word: 10-40 ms) before
--    keeping those in the sample. The first 16 buckets (1/16 of the index) get partial indexes, so
--    the probe of bucket 0 and any sample of up to 16 buckets read a sixteenth of that. The planner
--    picks them whenever the query says `bucket < k` with k <= 16.
-- 2. GIN pending lists stay short. New entries wait in a GIN index's pending list until a vacuum
--    merges them, and every search reads the whole list. The embedded engine never vacuums, so
--    after an import the lists held up to 4 MB per index (the default limit): a search of the
--    11,154 USAID activities read 70 pages of the DAC index for 223 entries. At 64 kB the writer
--    merges them itself, in batches still large enough to be cheap.
-- 3. Planner statistics follow the index. The embedded engine never runs autovacuum, so an index
--    filled by an import had no statistics and its searches were planned for one row. The index
--    is analysed again whenever it has doubled or halved (and changed by 1,000 entries) since the
--    last time: about log2(size) times during a large import, each well under a second for the
--    USAID set on the embedded engine.

CREATE INDEX search_sample_tsv_idx ON search_entries USING gin (tsv) WHERE bucket < 16;
CREATE INDEX search_sample_countries_idx ON search_entries USING gin (countries) WHERE bucket < 16;
CREATE INDEX search_sample_themes_idx ON search_entries USING gin (themes) WHERE bucket < 16;
CREATE INDEX search_sample_orgs_idx ON search_entries USING gin (org_ids) WHERE bucket < 16;

DO $$
DECLARE
  i regclass;
BEGIN
  FOR i IN
    SELECT c.oid::regclass FROM pg_index x JOIN pg_class c ON c.oid = x.indexrelid JOIN pg_am a ON a.oid = c.relam
    WHERE x.indrelid IN ('search_entries'::regclass, 'search_concept_stems'::regclass) AND a.amname = 'gin'
  LOOP
    EXECUTE format('ALTER INDEX %s SET (gin_pending_list_limit = 64)', i);
    PERFORM gin_clean_pending_list(i);
  END LOOP;
END $$;

CREATE TABLE search_statistics (
  -- Entries in the index when it was last analysed.
  analysed_entries bigint NOT NULL
);
INSERT INTO search_statistics VALUES (0);

CREATE FUNCTION search_keep_statistics() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  now_ bigint := (SELECT coalesce(sum(entries), 0) FROM search_buckets);
  then_ bigint := (SELECT analysed_entries FROM search_statistics);
BEGIN
  IF abs(now_ - then_) < 1000 OR (now_ < then_ * 2 AND now_ * 2 > then_) THEN
    RETURN NULL;
  END IF;
  -- One writer analyses; another that crosses the line meanwhile need not wait for it.
  IF pg_try_advisory_xact_lock(7212034) THEN
    ANALYZE search_entries;
    UPDATE search_statistics SET analysed_entries = now_;
  END IF;
  RETURN NULL;
END $$;

-- search_index (migration 031) keeps the bucket sizes once per call; so this runs once per call.
CREATE TRIGGER search_buckets_statistics AFTER INSERT OR UPDATE ON search_buckets
  FOR EACH STATEMENT EXECUTE FUNCTION search_keep_statistics();

ANALYZE search_entries;
UPDATE search_statistics SET analysed_entries = (SELECT coalesce(sum(entries), 0) FROM search_buckets);
