-- A search with fewer hits than asked tests the names of officials,
-- ministries and countries for their word similarity to the query
-- (src/api/query/search.ts). Two prices the planner works from were wrong.
--
-- pg_trgm's word-similarity test takes about 7 µs a row against a ministry's
-- name, some 300 times the cost of comparing two integers
-- (cpu_operator_cost). At a price of 100 (20261213100000_search_names) the
-- planner still tested all 226 ministries in turn for "nguyen van an" (1.7 ms)
-- rather than asking their trigram index (0.6 ms).
DO $$
BEGIN
  ALTER FUNCTION word_similarity_op(text, text) COST 300;
  ALTER FUNCTION word_similarity_commutator_op(text, text) COST 300;
EXCEPTION WHEN insufficient_privilege THEN
  RAISE NOTICE 'pg_trgm''s word similarity keeps its cost: %', SQLERRM;
END $$;
-- New names wait in a GIN index's pending list until a VACUUM, which tables
-- this small and rarely written may never get; the planner prices that list
-- as read whole on every search, and so scanned all the names even at that
-- price. Their names go straight into the index instead (a few hundred rows,
-- written once), and a list left from before is moved in now.
ALTER INDEX "countries_search_folded_trgm_idx" SET (fastupdate = off);
ALTER INDEX "ministries_search_folded_trgm_idx" SET (fastupdate = off);
SELECT gin_clean_pending_list('countries_search_folded_trgm_idx');
SELECT gin_clean_pending_list('ministries_search_folded_trgm_idx');
-- To estimate how many rows pass that test, the planner runs it on every value
-- of the column's statistics (up to 100 common values and 101 histogram
-- bounds), on each search: 1 ms of its 2.2 ms for countries and ministries
-- together. Those tables hold a few hundred rows, so any plan reads them
-- quickly, and ten values are enough to estimate from. Officials keep their
-- full statistics: at fewer than 100 histogram bounds a text test falls back to
-- a fixed guess, and the planner then walks all 50,000 names in order.
ALTER TABLE "countries" ALTER COLUMN "search_folded" SET STATISTICS 10;
ALTER TABLE "ministries" ALTER COLUMN "search_folded" SET STATISTICS 10;
ANALYZE "countries";
ANALYZE "ministries";
