-- An official's folded name and aliases, stored: a name search rechecks the
-- rows its trigram index finds, and a search that matches many walks the name
-- index testing each row. Folding each row's text again there (unaccent, a
-- few microseconds a row) was most of the cost; events have kept theirs
-- stored since 20261201100200_list_search_indexes.
ALTER TABLE "officials" ADD COLUMN "search_folded" TEXT GENERATED ALWAYS AS (hoptac_fold("search_text")) STORED;
DROP INDEX "officials_search_trgm_idx";
CREATE INDEX "officials_search_folded_trgm_idx" ON "officials" USING GIN ("search_folded" gin_trgm_ops);
