-- /v1/search of agreements walks, as that of events does, an index in the
-- order of the hits (the title's length, then id) that carries the folded
-- text, so that the walk tests the text on the index instead of folding the
-- text of each agreement it passes (unaccent is costly). The folded text is
-- stored in search_folded, kept by a row trigger from search_text (a
-- generated column would rewrite the table, which leaves its pages without
-- the visibility map that index-only walks need, and autovacuum does not
-- come for a rewrite), and the trigram index (of search and of
-- /v1/agreements?q=) is on it: a bitmap's recheck reads it instead of
-- folding again. An index row's size is bounded: agreements whose title and
-- text are longer (few, if any) are walked apart on a small index. The
-- predicates are repeated literally by src/api/query/search.ts.
ALTER TABLE "agreements" ADD COLUMN "search_folded" TEXT;

CREATE FUNCTION hoptac_fold_agreement_text() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.search_folded := hoptac_fold(NEW.search_text);
  RETURN NEW;
END $$;

CREATE TRIGGER "agreements_search_folded" BEFORE INSERT OR UPDATE ON "agreements" FOR EACH ROW EXECUTE FUNCTION hoptac_fold_agreement_text();

-- The agreements already there, without the triggers that log a change or
-- rewrite an item: only a derived column changes. The rows updated leave dead
-- versions, which bring autovacuum (and the visibility map) back soon.
ALTER TABLE "agreements" DISABLE TRIGGER USER;
UPDATE "agreements" SET "search_folded" = hoptac_fold("search_text");
ALTER TABLE "agreements" ENABLE TRIGGER USER;

CREATE INDEX "agreements_search_label_idx" ON "agreements" ((length("title")), "id") INCLUDE ("title", "search_folded")
  WHERE octet_length("title") + octet_length("search_folded") <= 2400;
CREATE INDEX "agreements_search_label_long_idx" ON "agreements" ((length("title")), "id")
  WHERE octet_length("title") + octet_length("search_folded") > 2400;
CREATE INDEX "agreements_search_folded_trgm_idx" ON "agreements" USING gin ("search_folded" gin_trgm_ops);
DROP INDEX "agreements_title_length_idx";
DROP INDEX "agreements_search_trgm_idx";
