-- Trigram indexes of an event's folded text with its spaces taken out, for a
-- text of several words (src/api/query/event-text.ts). The index on
-- search_folded takes each word apart, so a phrase of common words ("nguyen
-- van an") leaves thousands of events that hold every trigram and not the
-- phrase; here the trigrams across words ("nva", "nan") are kept too. The
-- second index holds one event in 16, as events_text_sample_idx does.
CREATE INDEX "events_joined_text_trgm_idx" ON "events" USING GIN ((replace("search_folded", ' ', '')) gin_trgm_ops);
CREATE INDEX "events_joined_text_sample_idx" ON "events" USING GIN ((replace("search_folded", ' ', '')) gin_trgm_ops) WHERE "id" % 16 = 0;
