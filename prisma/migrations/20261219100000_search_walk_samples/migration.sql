-- Samples of the officials and agreements, one in 16 (their ids multiples of
-- 16), for the question the events' small sample answers for events: whether
-- a search walks the kind by label before reading the text's index
-- (src/api/query/search.ts). Without them every search walked the 1,000
-- shortest names and titles first, about 2 ms at 50,000 of each, found
-- nothing there for a name and then read its index anyway.
CREATE INDEX "officials_text_sample_idx" ON "officials" USING GIN ("search_folded" gin_trgm_ops) WHERE "id" % 16 = 0;
CREATE INDEX "officials_pair_keys_sample_idx" ON "officials" USING GIN (hoptac_pair_keys("search_folded")) WHERE "id" % 16 = 0;
CREATE INDEX "agreements_text_sample_idx" ON "agreements" USING GIN ("search_folded" gin_trgm_ops) WHERE "id" % 16 = 0;
CREATE INDEX "agreements_pair_keys_sample_idx" ON "agreements" USING GIN (hoptac_pair_keys("search_folded")) WHERE "id" % 16 = 0;
