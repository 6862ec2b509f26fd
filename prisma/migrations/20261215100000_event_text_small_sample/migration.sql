-- A smaller sample of the events for text filters, one in 256 (their ids
-- multiples of 256), for a question that a rough answer serves: whether a
-- search walks the events by label (src/api/query/search.ts). The sample of
-- one in 16 (events_text_sample_idx, events_pair_keys_sample_idx) read every
-- match of a common word to say so: a bitmap of 15,000 entries for "tiep",
-- in a quarter of the events.
CREATE INDEX "events_text_small_sample_idx" ON "events" USING GIN ("search_folded" gin_trgm_ops) WHERE "id" % 256 = 0;
CREATE INDEX "events_pair_keys_small_sample_idx" ON "events" USING GIN (hoptac_pair_keys("search_folded")) WHERE "id" % 256 = 0;
