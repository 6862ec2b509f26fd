-- Countries' and ministries' folded names, stored as officials' and events'
-- are: every search and name filter read the few hundred rows folding each
-- name again (unaccent, a few microseconds a row), about a millisecond per
-- table per request, the planner rightly preferring that scan of a small
-- table to its trigram index.
ALTER TABLE "countries" ADD COLUMN "search_folded" TEXT GENERATED ALWAYS AS (hoptac_fold("name_vi" || ' ' || "name_en")) STORED;
ALTER TABLE "ministries" ADD COLUMN "search_folded" TEXT GENERATED ALWAYS AS (hoptac_fold("name_vi" || ' ' || coalesce("name_en", ''))) STORED;
DROP INDEX "countries_name_trgm_idx";
DROP INDEX "ministries_name_trgm_idx";
CREATE INDEX "countries_search_folded_trgm_idx" ON "countries" USING GIN ("search_folded" gin_trgm_ops);
CREATE INDEX "ministries_search_folded_trgm_idx" ON "ministries" USING GIN ("search_folded" gin_trgm_ops);
-- Officials' names of several words are found by the pairs of adjacent
-- words, as events' and agreements' texts are (20261212100000_pair_keys):
-- "nguyen van an" through the trigram index read every official holding
-- "nguyen", "van" and "an" (0.5 ms of 50,000; 0.02 ms by the pairs).
CREATE INDEX "officials_pair_keys_idx" ON "officials" USING GIN (hoptac_pair_keys("search_folded"));
ANALYZE "countries";
ANALYZE "ministries";
ANALYZE "officials";
-- pg_trgm declares its word-similarity test as cheap as comparing two
-- integers; it takes microseconds a row. At that price the planner tested
-- every country and ministry in turn (2 ms) instead of asking their trigram
-- index (0.1 ms). A database whose extension belongs to another role keeps
-- the extension's own price.
DO $$
BEGIN
  ALTER FUNCTION word_similarity_op(text, text) COST 100;
EXCEPTION WHEN insufficient_privilege THEN
  RAISE NOTICE 'word_similarity_op keeps its cost: %', SQLERRM;
END $$;
