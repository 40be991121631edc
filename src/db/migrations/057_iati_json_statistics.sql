-- No planner statistics for the JSON columns of the IATI tables.
--
-- These columns (narratives, provider and receiver organisations, a transaction's sectors and
-- codes…) are only ever read with their row, by project, for the export: no query filters, joins
-- or sorts on them, so their statistics are never used. Gathering them sorts a sample of jsonb
-- values, which was most of the cost of analysing these tables: after the USAID import (11,154
-- activities, 92,574 transactions) ANALYZE iati_transactions took 760-840 ms and 140-180 ms
-- without them, iati_activities 170-220 ms and 85 ms. On PostgreSQL autovacuum analyses the
-- tables while an import is still writing, on the same cores.
ALTER TABLE iati_activities
  ALTER COLUMN reporting_org_names SET STATISTICS 0,
  ALTER COLUMN titles SET STATISTICS 0,
  ALTER COLUMN descriptions SET STATISTICS 0;
ALTER TABLE iati_transactions
  ALTER COLUMN descriptions SET STATISTICS 0,
  ALTER COLUMN provider SET STATISTICS 0,
  ALTER COLUMN receiver SET STATISTICS 0,
  ALTER COLUMN details SET STATISTICS 0;
ALTER TABLE iati_planned_disbursements
  ALTER COLUMN provider SET STATISTICS 0,
  ALTER COLUMN receiver SET STATISTICS 0;
ALTER TABLE iati_results
  ALTER COLUMN titles SET STATISTICS 0,
  ALTER COLUMN descriptions SET STATISTICS 0,
  ALTER COLUMN indicators SET STATISTICS 0;
ALTER TABLE iati_document_links ALTER COLUMN titles SET STATISTICS 0;
