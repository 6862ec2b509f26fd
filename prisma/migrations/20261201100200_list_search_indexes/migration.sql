-- Text search and sorted lists at scale.
-- The folded text of an event is stored, so that a page that walks the date
-- index tests `q` with a plain LIKE instead of folding each row it reads; the
-- trigram index moves to it.
ALTER TABLE "events" ADD COLUMN "search_folded" TEXT GENERATED ALWAYS AS (hoptac_fold("search_text")) STORED;
DROP INDEX "events_search_trgm_idx";
CREATE INDEX "events_search_folded_trgm_idx" ON "events" USING GIN ("search_folded" gin_trgm_ops);

-- /v1/search ranks the hits that contain the query by the length of their
-- label: the shortest ones come straight from these indexes.
CREATE INDEX "events_summary_length_idx" ON "events" ((length("summary")), "id");
CREATE INDEX "officials_name_length_idx" ON "officials" ((length("name")), "id");
CREATE INDEX "agreements_title_length_idx" ON "agreements" ((length("title")), "id");

-- Sorted lists: officials by name, articles newest publication first.
CREATE INDEX "officials_name_id_idx" ON "officials" ("name", "id");
CREATE INDEX "articles_published_sort_idx" ON "articles" ((coalesce("published_at", '') COLLATE "C"), "id");
