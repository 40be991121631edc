-- The 3W matrix's cells are updated at every commit that changes a project (matrix_refresh adds
-- the difference to some 15 cells per project). An index on their count (the emptied cells to
-- delete) made every such update write a new entry in each of the table's indexes; without it, and
-- with room left on each page for the new version, PostgreSQL updates them in place (HOT). The
-- emptied cells are now found from the update's own result (src/coordination/matrix.sql).
DROP INDEX IF EXISTS matrix_cells_empty_idx;
ALTER TABLE matrix_cells SET (fillfactor = 70);
