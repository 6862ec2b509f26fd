-- An official's latest mention (lists of officials show its rank and offices,
-- a ministry its officials) is the first entry of this index instead of a
-- sort of all the official's mentions.
CREATE INDEX "official_mentions_latest_idx" ON "official_mentions" ("official_id", "observed_from" DESC NULLS LAST, "article_id" DESC);
